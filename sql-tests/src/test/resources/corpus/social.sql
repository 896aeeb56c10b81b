-- Differential corpus over the social dataset (Peewee's Twitter example, SocialGenerator at
-- fixture scale, with stale reverse-index members, dangling references and deleted rows):
-- each line runs through our driver with pushdown on, with pushdown off, and on H2. ORDER BY
-- appears only at the top level and always ends in a unique column. "User" and the column
-- "user" are reserved words and stay quoted.

-- Sizes: $Class members without a hash are not rows
SELECT COUNT(*) FROM "User"
SELECT COUNT(*) FROM Tweet
SELECT COUNT(*) FROM Favorite
SELECT COUNT(*) FROM Follow
-- Tweets with their authors: INNER drops dangling authors, LEFT keeps them with NULLs
SELECT u.username, t.tweet_id, t.message FROM Tweet t JOIN "User" u ON t."user" = u._key ORDER BY u.username, t.tweet_id
SELECT u.username, t.tweet_id FROM Tweet t INNER JOIN "User" u ON u._key = t."user"
SELECT t.tweet_id, t."user", u.username, u.email FROM Tweet t LEFT JOIN "User" u ON t."user" = u._key
SELECT t.tweet_id, t."user" FROM Tweet t LEFT JOIN "User" u ON t."user" = u._key WHERE u._key IS NULL ORDER BY t.tweet_id
SELECT u.username, t.tweet_id FROM "User" u RIGHT JOIN Tweet t ON t."user" = u._key
SELECT COUNT(*), COUNT(u._key) FROM Tweet t LEFT JOIN "User" u ON t."user" = u._key
-- Tweets per user, users without tweets included
SELECT u.username, COUNT(t._key) AS tweets FROM "User" u LEFT JOIN Tweet t ON t."user" = u._key GROUP BY u.username ORDER BY u.username
SELECT u.username FROM "User" u LEFT JOIN Tweet t ON t."user" = u._key WHERE t._key IS NULL ORDER BY u.username
SELECT u.username, COUNT(*) AS tweets FROM "User" u JOIN Tweet t ON t."user" = u._key GROUP BY u.username HAVING COUNT(*) >= 5 ORDER BY tweets DESC, u.username
SELECT u.username, COUNT(t._key) FROM "User" u LEFT JOIN Tweet t ON t."user" = u._key AND t.is_published GROUP BY u.username
-- Favorites received and given per user (LEFT JOIN chains, GROUP BY)
SELECT u.username, COUNT(f._key) AS received FROM "User" u LEFT JOIN Tweet t ON t."user" = u._key LEFT JOIN Favorite f ON f.tweet = t._key GROUP BY u.username ORDER BY u.username
SELECT u.username, COUNT(f._key) AS given FROM "User" u LEFT JOIN Favorite f ON f."user" = u._key GROUP BY u.username
SELECT u.username FROM "User" u WHERE NOT EXISTS (SELECT 1 FROM Favorite f JOIN Tweet t ON f.tweet = t._key WHERE t."user" = u._key) ORDER BY u.username
SELECT f.favorite_id, f.tweet, t.message FROM Favorite f LEFT JOIN Tweet t ON f.tweet = t._key
SELECT COUNT(*) FROM Favorite f JOIN Tweet t ON f.tweet = t._key WHERE f."user" = t."user"
-- Follows: two relationships to the same table, User joined to itself through Follow
SELECT b.username FROM Follow fo JOIN "User" a ON fo.from_user = a._key JOIN "User" b ON fo.to_user = b._key WHERE a.username = 'user0' ORDER BY b.username, fo.follow_id
SELECT a.username FROM Follow fo JOIN "User" a ON fo.from_user = a._key JOIN "User" b ON fo.to_user = b._key WHERE b.username = 'user4' ORDER BY a.username, fo.follow_id
SELECT a.username, b.username FROM Follow fo JOIN "User" a ON fo.from_user = a._key JOIN "User" b ON fo.to_user = b._key
SELECT u.username, COUNT(fo._key) AS followers FROM "User" u LEFT JOIN Follow fo ON fo.to_user = u._key GROUP BY u.username ORDER BY u.username
SELECT u.username, COUNT(fo._key) AS following FROM "User" u LEFT JOIN Follow fo ON fo.from_user = u._key GROUP BY u.username
SELECT u.username FROM "User" u WHERE NOT EXISTS (SELECT 1 FROM Follow fo WHERE fo.from_user = u._key) ORDER BY u.username
SELECT u.username FROM "User" u WHERE u._key NOT IN (SELECT fo.to_user FROM Follow fo WHERE fo.to_user IS NOT NULL) ORDER BY u.username
SELECT a.username, b.username FROM Follow f1 JOIN Follow f2 ON f1.from_user = f2.to_user AND f1.to_user = f2.from_user JOIN "User" a ON a._key = f1.from_user JOIN "User" b ON b._key = f1.to_user
SELECT fo.follow_id, fo.to_user, b.username FROM Follow fo LEFT JOIN "User" b ON fo.to_user = b._key WHERE b._key IS NULL
SELECT u.username, (SELECT COUNT(*) FROM Follow fo WHERE fo.to_user = u._key) AS followers, (SELECT COUNT(*) FROM Follow fo WHERE fo.from_user = u._key) AS following FROM "User" u ORDER BY u.username
-- Filtered on the parent side and on the child side
SELECT t.tweet_id, t.message FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE u.username = 'hot0'
SELECT COUNT(*) FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE u.username = 'hot0' AND t.is_published
SELECT t.tweet_id, u.username FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE u.username IN ('user0', 'user1', 'user2', 'nobody') ORDER BY t.tweet_id
SELECT t.tweet_id, u.username FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE u.username = 'o''brien' OR u.username = 'ann-marie'
SELECT t.tweet_id FROM Tweet t WHERE t."user" = 'User:user1' ORDER BY t.tweet_id
SELECT t.tweet_id, t."user" FROM Tweet t WHERE t."user" IN ('User:user0', 'User:user3', 'User:ghost0', 'User:o/''brien', 'User:ann/-marie')
SELECT u.username, t.tweet_id FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE t.is_published = FALSE ORDER BY t.tweet_id
SELECT u.username, t.tweet_id FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE t.created_date >= TIMESTAMP '2024-01-02 00:00:00' AND t.created_date < TIMESTAMP '2024-01-03 00:00:00' ORDER BY t.created_date, t.tweet_id
SELECT u.username, COUNT(*) FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE u.join_date < TIMESTAMP '2023-01-01 00:00:00' GROUP BY u.username
SELECT u.username, t.tweet_id FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE u.email IS NULL
-- Semi-joins and anti-joins
SELECT t.tweet_id FROM Tweet t WHERE t."user" IN (SELECT _key FROM "User" WHERE email IS NULL) ORDER BY t.tweet_id
SELECT t.tweet_id FROM Tweet t WHERE t."user" IN (SELECT _key FROM "User" WHERE username = 'user0')
SELECT u.username FROM "User" u WHERE EXISTS (SELECT 1 FROM Tweet t WHERE t."user" = u._key AND t.is_published) ORDER BY u.username
SELECT u.username FROM "User" u WHERE u._key NOT IN (SELECT t."user" FROM Tweet t WHERE t."user" IS NOT NULL) ORDER BY u.username
SELECT t.tweet_id FROM Tweet t WHERE t._key IN (SELECT f.tweet FROM Favorite f JOIN "User" u ON f."user" = u._key WHERE u.username = 'user0')
SELECT t.tweet_id FROM Tweet t WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u._key = t."user")
-- Multi-hop joins
SELECT fu.username, au.username, t.tweet_id FROM Favorite f JOIN "User" fu ON f."user" = fu._key JOIN Tweet t ON f.tweet = t._key JOIN "User" au ON t."user" = au._key
SELECT t.tweet_id, u.username FROM Follow fo JOIN Tweet t ON t."user" = fo.to_user JOIN "User" u ON u._key = fo.to_user WHERE fo.from_user = 'User:user0' ORDER BY t.created_date DESC, t.tweet_id
SELECT a.username, COUNT(t._key) FROM "User" a JOIN Follow fo ON fo.from_user = a._key LEFT JOIN Tweet t ON t."user" = fo.to_user GROUP BY a.username ORDER BY a.username
SELECT COUNT(DISTINCT t."user") FROM Tweet t JOIN "User" u ON t."user" = u._key JOIN Favorite f ON f.tweet = t._key
SELECT au.username, COUNT(DISTINCT f."user") AS fans FROM Favorite f JOIN Tweet t ON f.tweet = t._key JOIN "User" au ON t."user" = au._key GROUP BY au.username ORDER BY fans DESC, au.username LIMIT 5
