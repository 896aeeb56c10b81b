-- Plan-quality corpus (PlanQualityTest). Each query runs on H2, with pushdown, without it, and
-- within its Redis command budget: one execution of the prepared statement may send at most
-- that many commands. The header "-- <dataset> [invariant] budget <n>: <ideal>" derives the
-- ideal read by hand (what a hand-written pipelined Jedis client would send for this answer on
-- this data); every budget is at most three times that ideal. "invariant" queries send exactly
-- the same commands on a social dataset ten times larger (their answers do not grow with it).
-- Social: 60 ordinary users (skewed tweets), hot0 with 10 tweets, hot1 with 3, hot2 with none,
-- six Unicode users with two tweets each; likes has tie groups (a third of the tweets 0), and
-- three deleted tweets (scores 900-902) and three re-scored live tweets (800-802) sit at the
-- top of $SortF:Tweet:likes. Stale members are counted in the ideal: no client can tell them
-- apart without reading their hashes. A hash read that finds nothing takes an EXISTS.

-- ## Top-N with tie-breakers, ASC and DESC, OFFSET inside a large tie group
-- social invariant budget 45: ideal 20 = 1 ZREVRANGEBYSCORE of 16 members (10 answers + 6 stale) + 16 HMGET + 3 EXISTS; _key DESC is Redis's own order of a DESC tie group, so no tie group is read whole
SELECT tweet_id, likes FROM Tweet ORDER BY likes DESC, _key DESC LIMIT 10
-- social budget 45: ideal 21 = the 20 above + 1 ZREVRANGEBYSCORE completing the 10th row's tie group (_key ASC is not the DESC read's order)
SELECT tweet_id, likes FROM Tweet ORDER BY likes DESC, _key LIMIT 10
-- social invariant budget 40: ideal 31 = 1 ZRANGEBYSCORE of 30 members inside the likes = 0 group (OFFSET 20 + LIMIT 10, in Redis's order) + 30 HMGET, never the whole group
SELECT _key, likes FROM Tweet ORDER BY likes, _key LIMIT 10 OFFSET 20
-- social budget 130: ideal about 102 = the whole likes = 0 tie group (a third of the tweets, about 100 HMGET) + 2 ZRANGEBYSCORE: message orders the group, so all of it is needed
SELECT tweet_id, message FROM Tweet ORDER BY likes, message, _key LIMIT 10
-- social budget 45: ideal 20 = 1 ZREVRANGEBYSCORE (8 rows for OFFSET 3 + LIMIT 5, 6 stale) + 14 HMGET + 3 EXISTS + 1 ZREVRANGEBYSCORE completing the boundary tie group and its few HMGET
SELECT tweet_id, likes, created_date FROM Tweet ORDER BY likes DESC, created_date DESC LIMIT 5 OFFSET 3
-- social budget 30: ideal 21 = 1 ZRANGEBYSCORE + 20 HMGET: the whole karma = 0 group (12 users, o'brien, hot2, the 6 Unicode users), whose tail holds keys (𝔘, ｚ) that UTF-8 and UTF-16 order differently, so the read completes the group (1 ZRANGEBYSCORE more) and sorts it
SELECT username, karma FROM "User" ORDER BY karma, _key LIMIT 20
-- social budget 30: ideal 21 = 1 ZREVRANGEBYSCORE + the karma = 0 group's 20 HMGET: Redis's descending byte order puts 𝔘 (F0 in UTF-8) first, Calcite's order puts ｚ (U+FF5A above the surrogate D835) first, so the group is read whole and sorted
SELECT username FROM "User" WHERE karma <= 0 ORDER BY karma DESC, _key DESC LIMIT 5
-- social budget 40: ideal 31 = 1 ZREVRANGEBYSCORE + 30 HMGET, across the karma 4, 3 and 2 groups
SELECT username, karma FROM "User" ORDER BY karma DESC, _key DESC LIMIT 30
-- social budget 20: ideal 15 = 2 ZREVRANGEBYSCORE (first page, then the rest of the karma = 4 group) + its 13 HMGET
SELECT username, karma FROM "User" ORDER BY karma DESC, username DESC LIMIT 4
-- social invariant budget 14: ideal 11 = 1 SMEMBERS of hot0's reverse set + its 10 tweets' HMGET, sorted in memory (never the zset)
SELECT tweet_id, likes FROM Tweet WHERE "user" = ? ORDER BY likes DESC, tweet_id LIMIT 3
-- params: User:hot0
-- social budget 18: ideal 6 = 1 ZREVRANGEBYSCORE 20 10 LIMIT 0 5 + 5 HMGET (the filter above the read may reject rows, so a second page is read for the row Calcite's limit asks for beyond the fifth)
SELECT tweet_id, likes FROM Tweet WHERE likes BETWEEN 10 AND 20 ORDER BY likes DESC, _key DESC LIMIT 5
-- social budget 36: ideal 13 = 1 ZREVRANGEBYSCORE (5 published rows, 6 stale, about one unpublished) + 12 HMGET... + 3 EXISTS = 16; pages after the first double
SELECT tweet_id, likes FROM Tweet WHERE is_published ORDER BY likes DESC, _key DESC LIMIT 5
-- food budget 6: ideal 5 = 1 ZREVRANGEBYSCORE + 3 HMGET + 1 ZREVRANGEBYSCORE of the boundary score (_key ASC under DESC)
SELECT _key, total FROM "Order" ORDER BY total DESC, _key LIMIT 3
-- food budget 5: ideal 4 = 1 ZREVRANGEBYSCORE + 2 HMGET + 1 ZREVRANGEBYSCORE completing the boundary tie group (Decimal scores)
SELECT name, earnings FROM Driver ORDER BY earnings DESC, name LIMIT 2

-- ## Joins driven from either side by each index kind
-- social invariant budget 6: ideal 5 = key: 1 read of User:hot1 (HMGET, nil: no column needed, so EXISTS) + 1 SMEMBERS + 3 HMGET
SELECT t.message FROM Tweet t JOIN "User" u ON t."user" = u._key WHERE u._key = 'User:hot1'
-- social invariant budget 14: ideal 12 = key built from the UniqueKeyField: 1 HMGET + 1 SMEMBERS + 10 HMGET
SELECT u.username, t.tweet_id FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE u.username = 'hot0'
-- social budget 36: ideal about 25 = sorted range drives: 1 ZRANGEBYSCORE (likes >= 48 plus the 6 stale) + their HMGET + 3 EXISTS + 1 batch of the authors' HMGET; never the users scanned
SELECT t.tweet_id, u.username FROM Tweet t JOIN "User" u ON t."user" = u._key WHERE t.likes >= 48
-- social budget 45: ideal about 22 = the smaller range (likes >= 49) drives: 1 ZRANGEBYSCORE + its HMGET + 3 EXISTS + the authors' HMGET; karma re-checked on them
SELECT u.username, t.likes FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE t.likes >= 49 AND u.karma = 0
-- social budget 9: ideal 6 = reverse set drives: 1 SMEMBERS + user0's favorites' HMGET + their tweets' HMGET (+ an EXISTS for a dangling one)
SELECT t.tweet_id, t.message FROM Favorite f JOIN Tweet t ON f.tweet = t._key WHERE f."user" = 'User:user0'
-- social budget 18: ideal 14 = 1 SMEMBERS of user0's follows + their HMGET + the followed users' HMGET (+ EXISTS for a ghost)
SELECT b.username FROM Follow fo JOIN "User" b ON fo.to_user = b._key WHERE fo.from_user = 'User:user0'
-- food budget 8: ideal 7 = KeyField value set drives: 1 SMEMBERS $KeyF:Restaurant:name + 1 HMGET + 1 SMEMBERS reverse set + 2 order HMGET + 2 customer HMGET
SELECT o._key, c.name FROM "Order" o JOIN Restaurant r ON o.restaurant = r._key JOIN Customer c ON o.customer = c._key WHERE r.name = 'Sushi Zen'
-- food budget 5: ideal 4 = geo drives: 1 GEOSEARCH + 1 restaurant HMGET + 1 SMEMBERS + 1 order HMGET
SELECT r.name, o.total FROM Restaurant r JOIN "Order" o ON o.restaurant = r._key WHERE popoto_within(r.location_latitude, r.location_longitude, 40.7128, -74.0060, 2)
-- food budget 4: ideal 3 = sorted range on the child drives: 1 ZRANGEBYSCORE + 1 order HMGET + 1 restaurant HMGET
SELECT o._key, r.name FROM "Order" o JOIN Restaurant r ON o.restaurant = r._key WHERE o.total > 40
-- school invariant budget 70: ideal 62 = course key: 1 HMGET + 1 SMEMBERS + 30 enrollment HMGET + 30 student HMGET
SELECT s.name FROM Course c JOIN Enrollment e ON e.course = c._key JOIN Student s ON e.student = s._key WHERE c.code = 'HOT'
-- school budget 12: ideal 10 = 1 student HMGET + 1 SMEMBERS + its enrollments' and their courses' HMGET
SELECT c.code, e.grade FROM Enrollment e JOIN Student s ON e.student = s._key JOIN Course c ON e.course = c._key WHERE s.student_id = 1

-- ## Semi- and anti-joins, IN subqueries, LEFT JOIN ... GROUP BY over a small outer set
-- social invariant budget 14: ideal 11 = 3 user HMGET + 3 SMEMBERS (one batch) + the 5 members' HMGET (hot1's 3, 李小龙's 2: each re-checked, a reverse set keeps stale members); hot2's set is empty, so hot2 is the answer
SELECT u.username FROM "User" u WHERE u.username IN ('hot1', 'hot2', '李小龙') AND NOT EXISTS (SELECT 1 FROM Tweet t WHERE t."user" = u._key)
-- social invariant budget 14: ideal 11 = 3 user HMGET + 3 SMEMBERS + the 5 members' HMGET (each re-checked)
SELECT u.username FROM "User" u WHERE u.username IN ('hot1', 'hot2', '李小龙') AND EXISTS (SELECT 1 FROM Tweet t WHERE t."user" = u._key)
-- social budget 360: ideal about 320 = 3 user HMGET + 3 SMEMBERS + their tweets' HMGET, and SQL's NULL rule: x NOT IN (subquery) is unknown when the subquery holds a NULL, so COUNT(user) over all tweets: 1 SSCAN + every tweet's HMGET + 2 EXISTS
SELECT u.username FROM "User" u WHERE u.username IN ('user3', 'hot0', 'hot1') AND u._key NOT IN (SELECT t."user" FROM Tweet t WHERE t."user" IS NOT NULL)
-- social budget 24: ideal about 17 = 1 ZRANGEBYSCORE (likes >= 49 and the stale) + its HMGET + 3 EXISTS + the authors' HMGET
SELECT u.username FROM "User" u WHERE u._key IN (SELECT t."user" FROM Tweet t WHERE t.likes >= 49)
-- social invariant budget 20: ideal 17 = 2 user HMGET + 2 SMEMBERS + 13 tweet HMGET
SELECT t.tweet_id FROM Tweet t WHERE t."user" IN (SELECT _key FROM "User" WHERE username IN ('hot0', 'hot1'))
-- school budget 22: ideal 17 = 3 student HMGET + 3 SMEMBERS + their enrollments' HMGET (grade re-checked)
SELECT s.name FROM Student s WHERE s.student_id IN (1, 2, 3) AND EXISTS (SELECT 1 FROM Enrollment e WHERE e.student = s._key AND e.grade = 'A')
-- social budget 90: ideal about 70 = 1 SMEMBERS (followers of hot0: user0) + follow and user HMGET + 1 SMEMBERS of user0's tweets + their HMGET (user0 tweets most)
SELECT a.username, COUNT(t._key) FROM Follow fo JOIN "User" a ON fo.from_user = a._key LEFT JOIN Tweet t ON t."user" = a._key WHERE fo.to_user = 'User:hot0' GROUP BY a.username
-- social invariant budget 23: ideal 19 = 3 user HMGET + 3 SMEMBERS (one batch) + 13 tweet HMGET; hot2 keeps its row with a count of 0
SELECT u.username, COUNT(t._key) FROM "User" u LEFT JOIN Tweet t ON t."user" = u._key WHERE u.username IN ('hot0', 'hot1', 'hot2') GROUP BY u.username

-- ## OR across different indexes
-- social invariant budget 13: ideal 11 = 1 SMEMBERS (hot1) + 3 HMGET, 1 ZRANGEBYSCORE (likes >= 900: the 3 deleted) + 3 HMGET + 3 EXISTS
SELECT tweet_id FROM Tweet WHERE "user" = 'User:hot1' OR likes >= 900
-- social budget 20: ideal 15 = 1 HMGET (the key) + 1 ZRANGEBYSCORE (karma = 4) + its 13 HMGET
SELECT username FROM "User" WHERE username = 'иван_fernández' OR karma = 4
-- food budget 6: ideal 5 = 1 SMEMBERS + 2 HMGET, 1 ZRANGEBYSCORE + 1 HMGET (each key once)
SELECT _key FROM "Order" WHERE restaurant = 'Restaurant:New York:Sushi Zen' OR total > 40

-- ## GROUP BY a relationship
-- social invariant budget 17: ideal 15 = 2 SMEMBERS + 13 HMGET
SELECT t."user", COUNT(*) FROM Tweet t WHERE t."user" IN ('User:hot0', 'User:hot1') GROUP BY t."user"
-- school invariant budget 34: ideal 31 = 1 SMEMBERS + 30 HMGET
SELECT e.course, COUNT(*) FROM Enrollment e WHERE e.course = 'Course:HOT' GROUP BY e.course
-- food budget 5: ideal 4 = 1 ZRANGEBYSCORE + 3 HMGET
SELECT o.restaurant, SUM(o.total) FROM "Order" o WHERE o.total >= 20 GROUP BY o.restaurant

-- ## Text outside Latin-1, as literal and as parameter, in every position
-- social invariant budget 2: ideal 1 = 1 HMGET of the key built from a Cyrillic literal
SELECT _key, karma FROM "User" WHERE username = 'иван_fernández'
-- social invariant budget 2: ideal 1 = 1 HMGET, CJK parameter
SELECT _key FROM "User" WHERE username = ?
-- params: 李小龙
-- social invariant budget 6: ideal 5 = 4 HMGET of supplementary-plane, fullwidth and emoji keys + 1 EXISTS for the missing one
SELECT username FROM "User" WHERE _key IN ('User:victor🐍8950', 'User:𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'User:ｚｅｎ', 'User:nobody🙈')
-- social invariant budget 3: ideal 2 = 2 HMGET, Arabic and supplementary parameters in an IN list
SELECT username FROM "User" WHERE username IN (?, ?)
-- params: محمد_علي | 𝔘𝔫𝔦𝔠𝔬𝔡𝔢
-- social invariant budget 4: ideal 3 = 1 SMEMBERS + 2 HMGET, Cyrillic key literal and LIKE pattern
SELECT t.message FROM Tweet t WHERE t."user" = 'User:иван_fernández' AND t.message LIKE 'привет%'
-- social invariant budget 4: ideal 3 = 1 SMEMBERS + 2 HMGET, emoji key and LIKE pattern as parameters
SELECT t.message FROM Tweet t WHERE t."user" = ? AND t.message LIKE ?
-- params: User:victor🐍8950 | %🐍%
-- social invariant budget 5: ideal 4 = 1 HMGET + 1 SMEMBERS + 2 HMGET, Arabic literal through a join
SELECT u.username, t.message FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE u.username = 'محمد_علي'
-- social invariant budget 5: ideal 4 = 1 HMGET + 1 SMEMBERS + 2 HMGET, fullwidth parameter, non-Latin-1 text in the select list
SELECT u.username || ' ✓', t.message FROM "User" u JOIN Tweet t ON t."user" = u._key WHERE u.username = ?
-- params: ｚｅｎ
-- social budget 84: ideal 76 = no index answers LIKE '%x%': 1 SSCAN + every user's HMGET + 2 EXISTS (deleted users)
SELECT username FROM "User" WHERE username LIKE ? ORDER BY username
-- params: %𝔫%
-- social invariant budget 3: ideal 2 = 2 HMGET; the comparison with a fullwidth literal is re-checked on them
SELECT username FROM "User" WHERE username > 'ｙ' AND _key IN ('User:ｚｅｎ', 'User:李小龙')
-- social budget 45: ideal 34 = an IN list of 21 users (a VALUES table to Calcite) read through their reverse sets: 21 SMEMBERS + 13 HMGET (hot0's 10 tweets, hot1's 3), never the class set
SELECT tweet_id FROM Tweet WHERE "user" IN ('User:hot0', 'User:hot1', 'User:hot2', 'User:ghost1', 'User:ghost2', 'User:ghost3', 'User:ghost4', 'User:ghost5', 'User:ghost6', 'User:ghost7', 'User:ghost8', 'User:ghost9', 'User:ghost10', 'User:ghost11', 'User:ghost12', 'User:ghost13', 'User:ghost14', 'User:ghost15', 'User:ghost16', 'User:ghost17', 'User:ghost18')
