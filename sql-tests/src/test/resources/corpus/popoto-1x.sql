-- Differential corpus over the Popoto 1.x sample: each line runs through our driver with
-- pushdown on, with pushdown off, and on an H2 copy of the same rows (H2 gets the tag
-- functions from the same Java methods). ORDER BY appears only at the top level and always
-- ends in a unique column.

-- Scans, capped lists, tags, companion-free columns
SELECT COUNT(*) FROM Kitchen
SELECT COUNT(*) FROM Courier
SELECT COUNT(*) FROM Delivery
SELECT COUNT(*) FROM Shift
SELECT * FROM Kitchen
SELECT * FROM Courier
SELECT * FROM Delivery
SELECT * FROM Shift
SELECT name, recent_zones FROM Courier WHERE recent_zones <> '[]'
SELECT _key, history FROM Delivery ORDER BY _key
SELECT name FROM Courier WHERE confidence > 0.5 ORDER BY name
SELECT name, embedding FROM Courier WHERE embedding IS NULL
-- IndexedField and UniqueField
SELECT name FROM Kitchen WHERE city = 'Zürich'
SELECT name FROM Kitchen WHERE city = 'Basel'
SELECT name FROM Kitchen WHERE city IN ('Bern', 'Basel') ORDER BY name
SELECT name FROM Kitchen WHERE cuisine = 'pizza' AND city = 'Zürich'
SELECT name FROM Kitchen WHERE email = 'pub@obrien.example'
SELECT name FROM Kitchen WHERE email IS NULL
SELECT name FROM Courier WHERE phone = '+41 79 555 02 02'
SELECT name FROM Courier WHERE phone = '+41 79 555 00 00'
SELECT name FROM Courier WHERE zone = 'Zürich-Nord' OR zone = 'Bern'
SELECT name FROM Courier WHERE zone IS NULL
SELECT _key FROM Delivery WHERE status = 'delivered'
SELECT status, COUNT(*) FROM Delivery GROUP BY status
-- Meta.indexes
SELECT slug FROM Kitchen WHERE city = 'Bern' AND name = 'O''Brien''s Pub'
SELECT slug FROM Kitchen WHERE city = 'Zürich' AND name = 'Nope'
SELECT slug FROM Kitchen WHERE (city = 'Zürich' AND name = 'Pizza Uno') OR (city = 'Bern' AND name = 'Taco Town')
SELECT slug FROM Kitchen WHERE city = 'Zürich' AND cuisine = 'ramen'
-- TagField
SELECT name FROM Kitchen WHERE popoto_has_tag(tags, 'spicy')
SELECT name FROM Kitchen WHERE popoto_has_tag(tags, 'late:night')
SELECT name FROM Kitchen WHERE popoto_has_tag(tags, '{&#58;}literal')
SELECT name FROM Kitchen WHERE popoto_has_tag(tags, 'nope')
SELECT name FROM Kitchen WHERE popoto_has_all_tags(tags, 'late:night', 'spicy')
SELECT name FROM Kitchen WHERE popoto_has_any_tag(tags, 'family', 'beer*', 'vegan-ok') ORDER BY name
SELECT name FROM Kitchen WHERE NOT popoto_has_tag(tags, 'spicy')
SELECT _key FROM Delivery WHERE popoto_has_tag(labels, 'gate:code 12') AND status = 'cancelled'
SELECT _key FROM Delivery WHERE popoto_has_any_tag(labels, 'vip', 'contactless') ORDER BY _key
SELECT name FROM Kitchen WHERE popoto_has_tag(tags, 'spicy') OR city = 'Bern' ORDER BY name
-- Sorted fields: float, datetime, time, decaying, sorted key field
SELECT name FROM Kitchen WHERE rating >= 4.1 ORDER BY rating DESC, name
SELECT _key FROM Delivery WHERE placed_at >= TIMESTAMP '2026-08-07 00:00:00' ORDER BY _key
SELECT _key FROM Delivery WHERE placed_at BETWEEN TIMESTAMP '2026-08-06 20:00:00' AND TIMESTAMP '2026-08-07 10:00:00'
SELECT _key FROM Delivery WHERE slot < TIME '12:00:00' ORDER BY _key
SELECT _key, slot FROM Delivery WHERE slot = TIME '08:15:30'
SELECT name FROM Courier WHERE last_seen > 1754400000 ORDER BY name
SELECT courier_phone, week FROM Shift WHERE week = 49 ORDER BY _key
SELECT _key FROM Shift WHERE relevance > 1754600000
-- Datetime key fields in both renderings
SELECT hours FROM Shift WHERE starts = TIMESTAMP '2025-12-01 06:30:00'
SELECT hours FROM Shift WHERE starts = TIMESTAMP '2026-08-08 05:00:00'
SELECT hours FROM Shift WHERE starts IN (TIMESTAMP '2025-12-01 06:30:00', TIMESTAMP '2026-08-07 05:00:00') ORDER BY hours
SELECT COUNT(*) FROM Shift WHERE courier_phone = '+41 31 555 03 03'
SELECT starts FROM Shift WHERE courier_phone = '+41 79 555 01 01' ORDER BY starts
-- Joins through the relationships
SELECT k.name, d.status FROM Delivery d JOIN Kitchen k ON d.kitchen = k._key ORDER BY d._key
SELECT c.name, COUNT(*) FROM Delivery d JOIN Courier c ON d.courier = c._key GROUP BY c.name
SELECT d._key FROM Delivery d JOIN Kitchen k ON d.kitchen = k._key WHERE k.city = 'Zürich' ORDER BY d._key
SELECT k.name FROM Kitchen k WHERE EXISTS (SELECT 1 FROM Delivery d WHERE d.kitchen = k._key AND popoto_has_tag(d.labels, 'fragile')) ORDER BY k.name
SELECT d._key, c.name FROM Delivery d LEFT JOIN Courier c ON d.courier = c._key ORDER BY d._key
