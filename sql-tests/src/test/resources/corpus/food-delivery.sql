-- Differential corpus over the food-delivery fixture: each line runs through our driver with
-- pushdown on, with pushdown off, and on an H2 copy of the same rows. ORDER BY appears only at
-- the top level and always ends in a unique column, so ordered results are fully defined.
-- CASE branches use equal-length literals: Calcite types them CHAR(n) and pads shorter ones.

-- Plain scans and filters
SELECT COUNT(*) FROM Customer
SELECT COUNT(*) FROM Restaurant
SELECT COUNT(*) FROM MenuItem
SELECT COUNT(*) FROM Driver
SELECT COUNT(*) FROM DriverShift
SELECT COUNT(*) FROM "Order"
SELECT * FROM Restaurant
SELECT * FROM MenuItem
SELECT * FROM Customer
SELECT * FROM Driver
SELECT * FROM DriverShift
SELECT * FROM "Order"
SELECT name, cuisine FROM Restaurant WHERE active = FALSE
SELECT name FROM MenuItem WHERE available AND calories > 300
SELECT name FROM MenuItem WHERE calories IS NULL
SELECT name FROM MenuItem WHERE allergens IS NOT NULL AND size_ml IS NULL
SELECT name FROM Customer WHERE vip = TRUE OR birthday IS NULL
SELECT name FROM Restaurant WHERE name LIKE '%Zürich%'
SELECT name FROM Restaurant WHERE UPPER(cuisine) = 'SWISS'
SELECT status, COUNT(*) FROM "Order" GROUP BY status
SELECT note FROM "Order" WHERE note IS NOT NULL
-- Key column and key fields
SELECT name FROM Restaurant WHERE _key = 'Restaurant:New York:Sushi Zen'
SELECT name FROM Restaurant WHERE _key = 'Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill'
SELECT name FROM Restaurant WHERE _key = 'Restaurant:Winston/-Salem:Taco/-Town 24//7'
SELECT name FROM Restaurant WHERE _key = 'Restaurant:New York:What/''s Up/? Diner /[old/]'
SELECT name FROM Restaurant WHERE _key IN ('Restaurant:New York:Burger Palace', 'Restaurant:New York:Ghost Kitchen/*', 'Restaurant:New York:Burger Palace', 'Restaurant:Nowhere:None')
SELECT _key FROM Customer WHERE _key = 'Customer:carol@example.com:carol{&#58;}old'
SELECT _key, status FROM "Order" WHERE _key IN ('Order:4c5408e637e841c2a29660dd9818ba3c', 'Order:83f38f83bd424fce84169262792d3d15')
SELECT name FROM Restaurant WHERE city = 'New York'
SELECT name FROM Restaurant WHERE city = 'Winston-Salem'
SELECT name FROM Restaurant WHERE city = 'Zürich'
SELECT city FROM Restaurant WHERE name = 'Café Zürich: Bar-Grill'
SELECT city FROM Restaurant WHERE name = 'Taco-Town 24/7'
SELECT city FROM Restaurant WHERE name = 'Ghost Kitchen*'
SELECT city FROM Restaurant WHERE name = 'What''s Up? Diner [old]'
SELECT name FROM Restaurant WHERE city IN ('Zürich', 'Winston-Salem', 'Zürich', 'Atlantis')
SELECT name FROM Restaurant WHERE city = 'New York' AND name = 'Sushi Zen'
SELECT name FROM Customer WHERE email = 'carol@example.com'
SELECT name FROM Customer WHERE username = 'carol:old'
SELECT name FROM Customer WHERE username = 'zoë'
SELECT name FROM Customer WHERE username IN ('jean-luc', 'janedoe', 'nobody')
SELECT name FROM Customer WHERE email IN ('jane@example.com', 'jean-luc.picard@starfleet.example')
SELECT name FROM Driver WHERE phone = '+41 44 555 01 03'
SELECT name FROM Driver WHERE phone IN ('555-0101', '555-0102', '555-0101')
SELECT shift_date, hours FROM DriverShift WHERE driver_phone = '555-0101'
SELECT shift_date FROM DriverShift WHERE driver_phone IN ('555-0102', '555-0199')
-- Relationships
SELECT _key FROM "Order" WHERE restaurant = 'Restaurant:New York:Sushi Zen'
SELECT _key FROM "Order" WHERE restaurant = 'Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill'
SELECT _key FROM "Order" WHERE restaurant = 'Restaurant:New York:What/''s Up/? Diner /[old/]'
SELECT name FROM MenuItem WHERE restaurant = 'Restaurant:New York:What/''s Up/? Diner /[old/]'
SELECT name FROM MenuItem WHERE restaurant = 'Restaurant:Winston/-Salem:Taco/-Town 24//7'
SELECT _key FROM "Order" WHERE driver = 'Driver:217cde2006ac424695eff2c74c406f9a:555/-0102'
SELECT _key FROM "Order" WHERE driver = 'Driver:db2fe5afc9224e35a12e2917e78698a8:555/-0101'
SELECT _key FROM "Order" WHERE driver IS NULL
SELECT _key FROM "Order" WHERE customer = 'Customer:carol@example.com:carol{&#58;}old'
SELECT _key FROM "Order" WHERE customer = 'Customer:carol@example.com:carol'
SELECT _key FROM "Order" WHERE customer IN ('Customer:jane@example.com:janedoe', 'Customer:zoe@example.com:zoë')
SELECT name FROM MenuItem WHERE combo_includes = 'MenuItem:82bc26a64bc24e528041d0b31f522196'
-- Sorted ranges
SELECT _key FROM "Order" WHERE total > 20
SELECT _key FROM "Order" WHERE total >= 22.0
SELECT _key FROM "Order" WHERE total > 22.0
SELECT _key FROM "Order" WHERE total < 10.5
SELECT _key FROM "Order" WHERE total <= 10.5
SELECT _key FROM "Order" WHERE total BETWEEN 7.25 AND 22.0
SELECT _key FROM "Order" WHERE total = 48.0
SELECT _key FROM "Order" WHERE total > 17.49 AND total < 28.5
SELECT _key FROM "Order" WHERE total > 100
SELECT name FROM Restaurant WHERE rating = 4.5
SELECT name FROM Restaurant WHERE rating >= 4.5
SELECT name FROM Restaurant WHERE rating < 4.2
SELECT name FROM Driver WHERE rating >= 4.8
SELECT name FROM Driver WHERE rating > 4.9
SELECT name FROM MenuItem WHERE price < 5
SELECT name FROM MenuItem WHERE price BETWEEN 3.5 AND 7.25
SELECT name FROM MenuItem WHERE price >= 21.0 AND price <= 22.0
SELECT _key FROM "Order" WHERE deliver_by < TIMESTAMP '2024-05-03 00:00:00'
SELECT _key FROM "Order" WHERE deliver_by >= TIMESTAMP '2024-05-03 13:00:00'
SELECT _key FROM "Order" WHERE deliver_by = TIMESTAMP '2024-05-01 12:30:00'
SELECT _key FROM "Order" WHERE deliver_by > TIMESTAMP '2024-05-01 19:00:00'
SELECT _key FROM "Order" WHERE deliver_by > TIMESTAMP '2024-05-01 19:00:00.123'
SELECT _key FROM "Order" WHERE deliver_by BETWEEN TIMESTAMP '2024-05-02 00:00:00' AND TIMESTAMP '2024-05-03 08:15:00'
SELECT _key FROM DriverShift WHERE shift_date = DATE '2024-05-01'
SELECT _key FROM DriverShift WHERE shift_date > DATE '2024-05-01'
SELECT _key FROM DriverShift WHERE shift_date >= DATE '2024-05-01' AND shift_date < DATE '2024-05-02'
SELECT _key FROM DriverShift WHERE shift_date = DATE '2024-05-01' AND driver_phone = '555-0102'
SELECT name FROM Driver WHERE earnings > 980.25
SELECT name FROM Driver WHERE earnings >= 980.25
SELECT name FROM Driver WHERE earnings = 0
SELECT name FROM Driver WHERE earnings BETWEEN 0 AND 1000
SELECT name FROM Restaurant WHERE price_level <= 2
SELECT name FROM Restaurant WHERE price_level <= 2 AND city = 'New York'
SELECT name FROM Restaurant WHERE price_level = 3 AND city = 'New York'
SELECT name FROM Restaurant WHERE price_level > 1 AND city = 'Zürich'
SELECT name FROM Restaurant WHERE price_level = 2
SELECT name FROM Restaurant WHERE price_level IN (1, 3, 3, 9)
SELECT _key FROM "Order" WHERE total IN (22.0, 48.0, 99.0)
-- OR across indexes, AND of two indexes, NULL comparisons
SELECT _key FROM "Order" WHERE total > 40 OR driver = 'Driver:217cde2006ac424695eff2c74c406f9a:555/-0102'
SELECT name FROM Restaurant WHERE city = 'Zürich' OR rating >= 4.8
SELECT name FROM Customer WHERE username = 'zoë' OR email = 'jane@example.com'
SELECT _key FROM "Order" WHERE total > 10 AND deliver_by < TIMESTAMP '2024-05-03 00:00:00'
SELECT _key FROM "Order" WHERE restaurant = 'Restaurant:New York:Sushi Zen' AND total < 25
SELECT _key FROM "Order" WHERE customer = 'Customer:jane@example.com:janedoe' AND driver IS NULL
SELECT _key FROM "Order" WHERE driver = NULL
SELECT _key FROM "Order" WHERE tip IS NULL AND total > 10
SELECT name FROM Restaurant WHERE rating <> 4.5
SELECT _key FROM "Order" WHERE NOT (total > 20)
-- ORDER BY / LIMIT / OFFSET
SELECT _key, total FROM "Order" ORDER BY total DESC LIMIT 3
SELECT _key, total FROM "Order" ORDER BY total DESC LIMIT 1
SELECT _key, total FROM "Order" ORDER BY total ASC LIMIT 2 OFFSET 1
SELECT name, price FROM MenuItem ORDER BY price DESC, name LIMIT 5
SELECT name FROM Restaurant ORDER BY rating DESC
SELECT name, price_level FROM Restaurant WHERE city = 'New York' ORDER BY price_level, name
SELECT _key FROM "Order" WHERE total > 5 ORDER BY deliver_by DESC LIMIT 4
SELECT name FROM Customer ORDER BY birthday NULLS FIRST, name
SELECT name FROM Driver ORDER BY earnings DESC
SELECT _key, shift_date FROM DriverShift ORDER BY shift_date, _key
-- Joins
SELECT o._key, r.name FROM "Order" o JOIN Restaurant r ON o.restaurant = r._key
SELECT o._key, r.name, r.city FROM "Order" o LEFT JOIN Restaurant r ON o.restaurant = r._key
SELECT r.name, COUNT(o._key) FROM Restaurant r LEFT JOIN "Order" o ON o.restaurant = r._key GROUP BY r.name
SELECT d.name, COUNT(*) FROM "Order" o JOIN Driver d ON o.driver = d._key GROUP BY d.name
SELECT c.username, COUNT(o._key) FROM Customer c LEFT JOIN "Order" o ON o.customer = c._key GROUP BY c.username
SELECT o._key, c.name FROM "Order" o LEFT JOIN Customer c ON o.customer = c._key
SELECT r.name, COUNT(*) FROM MenuItem m JOIN Restaurant r ON m.restaurant = r._key GROUP BY r.name
SELECT m.name, t.name FROM MenuItem m JOIN MenuItem t ON m.combo_includes = t._key
SELECT a.name, c.name FROM MenuItem a JOIN MenuItem b ON a.combo_includes = b._key JOIN MenuItem c ON b.combo_includes = c._key
SELECT m.name, t.name FROM MenuItem m LEFT JOIN MenuItem t ON m.combo_includes = t._key
SELECT c.name, r.name, d.name FROM "Order" o JOIN Customer c ON o.customer = c._key JOIN Restaurant r ON o.restaurant = r._key LEFT JOIN Driver d ON o.driver = d._key
SELECT o._key, r.name FROM "Order" o JOIN Restaurant r ON o.restaurant = r._key WHERE r.city = 'New York'
SELECT o._key FROM "Order" o JOIN Restaurant r ON o.restaurant = r._key WHERE r.name = 'Sushi Zen' AND o.total > 25
SELECT s.shift_date, d.name FROM DriverShift s JOIN Driver d ON s.driver_phone = d.phone
SELECT r1.name, r2.name FROM Restaurant r1 JOIN Restaurant r2 ON r1.price_level = r2.price_level AND r1._key < r2._key
SELECT o._key, m.name FROM "Order" o JOIN MenuItem m ON o.total = m.price
-- Aggregates, GROUP BY / HAVING, DISTINCT, CASE
SELECT SUM(total), MAX(total), MIN(total) FROM "Order"
SELECT AVG(total) FROM "Order" WHERE driver IS NOT NULL
SELECT AVG(calories), AVG(price) FROM MenuItem
SELECT SUM(tip), MAX(tip), MIN(tip), COUNT(tip) FROM "Order"
SELECT SUM(earnings), MAX(earnings), MIN(earnings) FROM Driver
SELECT MIN(deliver_by), MAX(deliver_by) FROM "Order"
SELECT MIN(shift_date), MAX(shift_date), COUNT(DISTINCT shift_date) FROM DriverShift
SELECT driver_phone, SUM(hours) FROM DriverShift GROUP BY driver_phone
SELECT shift_date, COUNT(*) FROM DriverShift GROUP BY shift_date
SELECT restaurant, COUNT(*) FROM MenuItem GROUP BY restaurant HAVING COUNT(*) > 1
SELECT city, MAX(rating), COUNT(*) FROM Restaurant GROUP BY city HAVING MAX(rating) > 4
SELECT DISTINCT city FROM Restaurant
SELECT DISTINCT status FROM "Order" WHERE total < 30
SELECT COUNT(DISTINCT restaurant) FROM "Order"
SELECT name, CASE WHEN rating >= 4.5 THEN 'top' ELSE 'std' END FROM Restaurant
SELECT CASE WHEN driver IS NULL THEN 'open' ELSE 'held' END, COUNT(*) FROM "Order" GROUP BY CASE WHEN driver IS NULL THEN 'open' ELSE 'held' END
SELECT EXTRACT(YEAR FROM opened_on), name FROM Restaurant WHERE opened_on IS NOT NULL
SELECT COALESCE(tip, 0) FROM "Order"
-- IN lists of 20 or more values (a VALUES table to Calcite), NOT IN with a further filter, texts of different lengths
SELECT _key, status FROM "Order" WHERE restaurant IN ('Restaurant:New York:Burger Palace', 'Restaurant:New York:Sushi Zen', 'Restaurant:Winston/-Salem:Taco/-Town 24//7', 'Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill', 'Restaurant:Nowhere:Ghost 1', 'Restaurant:Nowhere:Ghost 2', 'Restaurant:Nowhere:Ghost 3', 'Restaurant:Nowhere:Ghost 4', 'Restaurant:Nowhere:Ghost 5', 'Restaurant:Nowhere:Ghost 6', 'Restaurant:Nowhere:Ghost 7', 'Restaurant:Nowhere:Ghost 8', 'Restaurant:Nowhere:Ghost 9', 'Restaurant:Nowhere:Ghost 10', 'Restaurant:Nowhere:Ghost 11', 'Restaurant:Nowhere:Ghost 12', 'Restaurant:Nowhere:Ghost 13', 'Restaurant:Nowhere:Ghost 14', 'Restaurant:Nowhere:Ghost 15', 'Restaurant:Nowhere:Ghost 16', 'Restaurant:Nowhere:Ghost 17', 'Restaurant:Nowhere:Ghost 18')
SELECT _key FROM "Order" WHERE restaurant IN ('Restaurant:New York:Burger Palace', 'Restaurant:New York:Sushi Zen', 'Restaurant:Winston/-Salem:Taco/-Town 24//7', 'Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill', 'Restaurant:Nowhere:Ghost 1', 'Restaurant:Nowhere:Ghost 2', 'Restaurant:Nowhere:Ghost 3', 'Restaurant:Nowhere:Ghost 4', 'Restaurant:Nowhere:Ghost 5', 'Restaurant:Nowhere:Ghost 6', 'Restaurant:Nowhere:Ghost 7', 'Restaurant:Nowhere:Ghost 8', 'Restaurant:Nowhere:Ghost 9', 'Restaurant:Nowhere:Ghost 10', 'Restaurant:Nowhere:Ghost 11', 'Restaurant:Nowhere:Ghost 12', 'Restaurant:Nowhere:Ghost 13', 'Restaurant:Nowhere:Ghost 14', 'Restaurant:Nowhere:Ghost 15', 'Restaurant:Nowhere:Ghost 16', 'Restaurant:Nowhere:Ghost 17', 'Restaurant:Nowhere:Ghost 18', 'Restaurant:New York:Sushi Zen') AND status <> 'delivered'
SELECT _key FROM "Order" WHERE restaurant NOT IN ('Restaurant:New York:Burger Palace', 'Restaurant:New York:Sushi Zen', 'Restaurant:Winston/-Salem:Taco/-Town 24//7', 'Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill', 'Restaurant:Nowhere:Ghost 1', 'Restaurant:Nowhere:Ghost 2', 'Restaurant:Nowhere:Ghost 3', 'Restaurant:Nowhere:Ghost 4', 'Restaurant:Nowhere:Ghost 5', 'Restaurant:Nowhere:Ghost 6', 'Restaurant:Nowhere:Ghost 7', 'Restaurant:Nowhere:Ghost 8', 'Restaurant:Nowhere:Ghost 9', 'Restaurant:Nowhere:Ghost 10', 'Restaurant:Nowhere:Ghost 11', 'Restaurant:Nowhere:Ghost 12', 'Restaurant:Nowhere:Ghost 13', 'Restaurant:Nowhere:Ghost 14', 'Restaurant:Nowhere:Ghost 15', 'Restaurant:Nowhere:Ghost 16', 'Restaurant:Nowhere:Ghost 17', 'Restaurant:Nowhere:Ghost 18') AND status <> 'cancelled'
SELECT _key FROM "Order" WHERE restaurant NOT IN ('Restaurant:New York:Burger Palace', 'Restaurant:Nowhere:Ghost 1', 'Restaurant:Nowhere:Ghost 2', 'Restaurant:Nowhere:Ghost 3', 'Restaurant:Nowhere:Ghost 4', 'Restaurant:Nowhere:Ghost 5', 'Restaurant:Nowhere:Ghost 6', 'Restaurant:Nowhere:Ghost 7', 'Restaurant:Nowhere:Ghost 8', 'Restaurant:Nowhere:Ghost 9', 'Restaurant:Nowhere:Ghost 10', 'Restaurant:Nowhere:Ghost 11', 'Restaurant:Nowhere:Ghost 12', 'Restaurant:Nowhere:Ghost 13', 'Restaurant:Nowhere:Ghost 14', 'Restaurant:Nowhere:Ghost 15', 'Restaurant:Nowhere:Ghost 16', 'Restaurant:Nowhere:Ghost 17', 'Restaurant:Nowhere:Ghost 18') AND total > 10
SELECT _key FROM "Order" WHERE restaurant NOT IN (SELECT _key FROM Restaurant WHERE city = 'New York') AND status <> 'cancelled'
SELECT name FROM Restaurant WHERE city IN ('Zürich', 'Winston-Salem', 'New York', 'Zürich', 'Atlantis 1', 'Atlantis 2', 'Atlantis 3', 'Atlantis 4', 'Atlantis 5', 'Atlantis 6', 'Atlantis 7', 'Atlantis 8', 'Atlantis 9', 'Atlantis 10', 'Atlantis 11', 'Atlantis 12', 'Atlantis 13', 'Atlantis 14', 'Atlantis 15', 'Atlantis 16', 'Atlantis 17', 'Atlantis 18')
SELECT name FROM Restaurant WHERE city NOT IN ('Zürich', 'Winston-Salem', 'New York', 'Zürich', 'Atlantis 1', 'Atlantis 2', 'Atlantis 3', 'Atlantis 4', 'Atlantis 5', 'Atlantis 6', 'Atlantis 7', 'Atlantis 8', 'Atlantis 9', 'Atlantis 10', 'Atlantis 11', 'Atlantis 12', 'Atlantis 13', 'Atlantis 14', 'Atlantis 15', 'Atlantis 16', 'Atlantis 17', 'Atlantis 18') AND name <> 'x'
SELECT r.name, COUNT(*) FROM "Order" o JOIN Restaurant r ON o.restaurant = r._key WHERE o.restaurant IN ('Restaurant:New York:Burger Palace', 'Restaurant:New York:Sushi Zen', 'Restaurant:Winston/-Salem:Taco/-Town 24//7', 'Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill', 'Restaurant:Nowhere:Ghost 1', 'Restaurant:Nowhere:Ghost 2', 'Restaurant:Nowhere:Ghost 3', 'Restaurant:Nowhere:Ghost 4', 'Restaurant:Nowhere:Ghost 5', 'Restaurant:Nowhere:Ghost 6', 'Restaurant:Nowhere:Ghost 7', 'Restaurant:Nowhere:Ghost 8', 'Restaurant:Nowhere:Ghost 9', 'Restaurant:Nowhere:Ghost 10', 'Restaurant:Nowhere:Ghost 11', 'Restaurant:Nowhere:Ghost 12', 'Restaurant:Nowhere:Ghost 13', 'Restaurant:Nowhere:Ghost 14', 'Restaurant:Nowhere:Ghost 15', 'Restaurant:Nowhere:Ghost 16', 'Restaurant:Nowhere:Ghost 17', 'Restaurant:Nowhere:Ghost 18') GROUP BY r.name
SELECT o._key FROM (VALUES ('Restaurant:New York:Burger Palace'), ('Restaurant:New York:Sushi Zen'), ('Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill')) AS v(k) JOIN "Order" o ON o.restaurant = v.k
SELECT s || '|', COUNT(*) FROM (SELECT CASE WHEN total > 30 THEN 'big' ELSE 'small' END AS s FROM "Order") t GROUP BY s
SELECT k || '|' FROM (SELECT 'ab' AS k FROM Restaurant UNION SELECT 'abcdef' FROM Restaurant)
-- IN / EXISTS subqueries
SELECT name FROM Restaurant WHERE _key IN (SELECT restaurant FROM "Order")
SELECT name FROM Restaurant WHERE _key NOT IN (SELECT restaurant FROM "Order")
SELECT name FROM Customer c WHERE EXISTS (SELECT 1 FROM "Order" o WHERE o.customer = c._key AND o.total > 20)
SELECT name FROM Customer c WHERE NOT EXISTS (SELECT 1 FROM "Order" o WHERE o.customer = c._key)
SELECT name FROM Driver WHERE _key IN (SELECT driver FROM "Order" WHERE status = 'delivered')
SELECT _key FROM "Order" WHERE restaurant IN (SELECT _key FROM Restaurant WHERE city = 'New York')
SELECT name FROM MenuItem WHERE price > (SELECT AVG(price) FROM MenuItem)
SELECT _key FROM "Order" WHERE total = (SELECT MAX(total) FROM "Order")
