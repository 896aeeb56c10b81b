package io.popoto.sql.e2e.datasets;

import io.popoto.sql.catalog.Catalog;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import redis.clients.jedis.Jedis;

/**
 * Peewee's Twitter example ({@code catalogs/social.json}) in Popoto's native layout,
 * deterministic from a seed. {@code users} is the scale; children follow it, skewed: about a
 * quarter of the users never tweet, a few tweet a lot; about a quarter follow nobody and about
 * a quarter are followed by nobody. Hot users (named {@code hot0}, {@code hot1}, ...) get
 * exactly the tweet counts asked for, and no fault touches them. Two users with characters
 * Popoto escapes in keys ({@code o'brien}, {@code ann-marie}) are always present, and so are
 * users named in Cyrillic, Arabic, CJK, emoji, a supplementary-plane script and fullwidth
 * forms ({@link #UNICODE_USERNAMES}), which tweet exactly twice each, in their scripts.
 *
 * <p>Tweet {@code likes} are skewed into tie groups: a third of the tweets have none, the rest
 * spread over 1..49. User {@code karma} is {@code i % 5}, and 0 for the Unicode users, so one
 * tie group holds keys whose UTF-8 and UTF-16 orders disagree (🐍 against ｚ).
 */
public final class SocialGenerator {
  public static final String CATALOG = "classpath:catalogs/social.json";
  public static final List<String> ESCAPED_USERNAMES = List.of("o'brien", "ann-marie");
  public static final List<String> UNICODE_USERNAMES = List.of("иван_fernández", "محمد_علي",
      "李小龙", "victor🐍8950", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ｚｅｎ");
  private static final String[] UNICODE_WORDS = {"привет", "مرحبا", "你好", "🎉", "𝔥𝔦", "ｈｉ"};
  private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final String[] WORDS = {"hello", "redis", "popoto", "sql", "join", "coffee",
      "monday", "release", "bug", "cat"};

  private final long seed;
  private int users = 40;
  private int tweetsPerUser = 4;
  private Faults faults = Faults.NONE;
  private int[] hotTweets = new int[0];

  public SocialGenerator(long seed) {
    this.seed = seed;
  }

  public SocialGenerator users(int n) {
    if (n < 4) {
      throw new IllegalArgumentException("at least 4 users");
    }
    this.users = n;
    return this;
  }

  /** The average number of tweets of an ordinary user (default 4). */
  public SocialGenerator tweetsPerUser(int n) {
    this.tweetsPerUser = n;
    return this;
  }

  public SocialGenerator faults(Faults f) {
    this.faults = f;
    return this;
  }

  /** Adds users hot0, hot1, ... with exactly these numbers of tweets. */
  public SocialGenerator hotUsers(int... tweetCounts) {
    this.hotTweets = tweetCounts.clone();
    return this;
  }

  public static Catalog catalog() {
    return DatasetWriter.load(CATALOG);
  }

  /** What was written, with the keys tests need. */
  public record Data(List<String> userKeys, List<String> usernames, List<HotParent> hotUsers,
      List<String> tweetKeys, Map<String, Integer> rows, int faults, long commands,
      long millis) {
    public int rowCount(String model) {
      return rows.getOrDefault(model, 0);
    }
  }

  public Data generate(Jedis jedis) {
    long start = System.nanoTime();
    Random random = new Random(seed);
    try (DatasetWriter out = new DatasetWriter(catalog(), jedis, random)) {
      // Users: user0..user{n-1}, the two escaped names, then the hot users.
      List<String> usernames = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        usernames.add("user" + i);
      }
      usernames.addAll(ESCAPED_USERNAMES);
      int unicodeFrom = usernames.size();
      usernames.addAll(UNICODE_USERNAMES);
      int ordinary = usernames.size();
      for (int h = 0; h < hotTweets.length; h++) {
        usernames.add("hot" + h);
      }
      List<String> userKeys = new ArrayList<>();
      for (int i = 0; i < usernames.size(); i++) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("username", usernames.get(i));
        u.put("join_date", START.minusDays(400).plusHours(i * 7L + random.nextInt(5)));
        u.put("email", random.nextInt(5) == 0 ? null : usernames.get(i) + "@example.com");
        u.put("karma", i >= unicodeFrom && i < ordinary ? 0 : i % 5);
        userKeys.add(out.write("User", u));
      }

      // Tweets of ordinary users: a quarter are silent, the rest skewed towards low indices.
      List<Integer> authors = new ArrayList<>();
      for (int i = 0; i < unicodeFrom; i++) { // the Unicode users tweet only their own two
        if (i % 4 != 3) {
          authors.add(i);
        }
      }
      List<String> tweetKeys = new ArrayList<>();
      List<Integer> tweetAuthor = new ArrayList<>();
      int minute = 0;
      int ordinaryTweets = ordinary * tweetsPerUser;
      for (int t = 0; t < ordinaryTweets; t++) {
        int author = authors.get((int) (authors.size() * Math.pow(random.nextDouble(), 3)));
        tweetKeys.add(tweet(out, random, userKeys.get(author), minute++));
        tweetAuthor.add(author);
      }
      for (int u = unicodeFrom; u < ordinary; u++) { // two tweets each, in their scripts
        for (int t = 0; t < 2; t++) {
          tweetKeys.add(tweet(out, random, userKeys.get(u), minute++,
              UNICODE_WORDS[u - unicodeFrom] + " " + usernames.get(u) + " #" + minute));
          tweetAuthor.add(u);
        }
      }
      List<HotParent> hot = new ArrayList<>();
      for (int h = 0; h < hotTweets.length; h++) {
        int author = ordinary + h;
        for (int t = 0; t < hotTweets[h]; t++) {
          tweetKeys.add(tweet(out, random, userKeys.get(author), minute++));
          tweetAuthor.add(author);
        }
        hot.add(new HotParent(usernames.get(author), userKeys.get(author), hotTweets[h]));
      }

      // Favorites: a third of the users favorite nothing; only ordinary tweets are favorited.
      int ordinaryTweetCount = ordinaryTweets;
      for (int i = 0; i < ordinary; i++) {
        if (i % 3 == 1 || ordinaryTweetCount == 0) {
          continue;
        }
        Set<Integer> seen = new HashSet<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          int t = (int) (ordinaryTweetCount * Math.pow(random.nextDouble(), 2));
          if (seen.add(t)) {
            favorite(out, userKeys.get(i), tweetKeys.get(t));
          }
        }
      }

      // Follows: users with i % 4 == 1 follow nobody, i % 4 == 2 are followed by nobody.
      List<String> followKeys = new ArrayList<>();
      List<Integer> followTo = new ArrayList<>();
      for (int i = 0; i < ordinary; i++) {
        if (i % 4 == 1) {
          continue;
        }
        Set<Integer> seen = new HashSet<>();
        for (int n = 1 + random.nextInt(5); n > 0; n--) {
          int j = random.nextInt(ordinary);
          if (j != i && j % 4 != 2 && seen.add(j)) {
            followKeys.add(follow(out, userKeys.get(i), userKeys.get(j)));
            followTo.add(j);
          }
        }
      }
      for (HotParent h : hot) { // user0 follows the hot users
        follow(out, userKeys.get(0), h.key());
      }

      plantFaults(out, random, userKeys, ordinary, tweetKeys, tweetAuthor, ordinaryTweets,
          followKeys, followTo);
      out.close();
      return new Data(List.copyOf(userKeys), List.copyOf(usernames), List.copyOf(hot),
          List.copyOf(tweetKeys), out.rows(), out.faults(), out.commands(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  private void plantFaults(DatasetWriter out, Random random, List<String> userKeys,
      int ordinary, List<String> tweetKeys, List<Integer> tweetAuthor, int ordinaryTweets,
      List<String> followKeys, List<Integer> followTo) {
    for (int f = 0; f < faults.staleReverse(); f++) {
      if (f % 2 == 0 && ordinaryTweets > 0) {
        // A tweet also listed under a user who is not its author.
        int t = random.nextInt(ordinaryTweets);
        int other = (tweetAuthor.get(t) + 1 + random.nextInt(ordinary - 1)) % ordinary;
        out.staleReverseMember("Tweet", "user", userKeys.get(other), tweetKeys.get(t));
      } else if (!followKeys.isEmpty()) {
        // A follow that was re-pointed: it stays in the old followee's reverse set.
        int x = random.nextInt(followKeys.size());
        int other = (followTo.get(x) + 1 + random.nextInt(ordinary - 1)) % ordinary;
        out.staleReverseMember("Follow", "to_user", userKeys.get(other), followKeys.get(x));
      }
    }
    for (int f = 0; f < faults.dangling(); f++) {
      // Dangling favorites and follows come from users that favorite and follow anyway
      // (index a multiple of 12), so "favorites nothing" and "follows nobody" stay true.
      String active = userKeys.get(12 * random.nextInt((ordinary + 11) / 12));
      switch (f % 3) {
        case 0 -> tweet(out, random, "User:ghost" + f, 100_000 + f);
        case 1 -> favorite(out, active, "Tweet:" + out.autoKey());
        default -> follow(out, active, "User:ghost" + f);
      }
      out.countFault();
    }
    // Every relationship of this catalog is declared null=False: faults.nulls() has no place
    // to go here (the school dataset plants them).
    for (int f = 0; f < faults.classWithoutHash(); f++) {
      if (f % 2 == 0) {
        // A deleted tweet: still in $Class:Tweet and in its author's reverse set.
        out.classMemberWithoutHash("Tweet", "Tweet:" + out.autoKey(), "user",
            userKeys.get(random.nextInt(ordinary)));
      } else {
        out.classMemberWithoutHash("User", "User:deleted" + f, null, null);
      }
    }
  }

  private static String tweet(DatasetWriter out, Random random, String userKey, int minute) {
    return tweet(out, random, userKey, minute, WORDS[random.nextInt(WORDS.length)] + " "
        + WORDS[random.nextInt(WORDS.length)] + " #" + minute);
  }

  private static String tweet(DatasetWriter out, Random random, String userKey, int minute,
      String message) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("tweet_id", out.autoKey());
    t.put("user", userKey);
    t.put("message", message);
    t.put("created_date", START.plusMinutes(minute * 13L));
    t.put("is_published", random.nextInt(10) != 0);
    t.put("likes", likes(minute));
    return out.write("Tweet", t);
  }

  /**
   * The likes of the tweet written at {@code minute} (the tweet's index in
   * {@link Data#tweetKeys()}): skewed into tie groups, from the minute alone so the seeded
   * stream stays as it was.
   */
  public static int likes(int minute) {
    return minute % 3 == 0 ? 0 : (int) ((minute * 7919L) % 49) + 1;
  }

  private static String favorite(DatasetWriter out, String userKey, String tweetKey) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("favorite_id", out.autoKey());
    f.put("user", userKey);
    f.put("tweet", tweetKey);
    return out.write("Favorite", f);
  }

  private static String follow(DatasetWriter out, String from, String to) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("follow_id", out.autoKey());
    f.put("from_user", from);
    f.put("to_user", to);
    return out.write("Follow", f);
  }
}
