-- Demo catalog for the local platform: a few listings with capacity for the next 60 days.
-- Idempotent: loading it again changes nothing that exists.
INSERT INTO listing (id, name, description, category, city, time_zone, slot_minutes, unit_price_amount, currency) VALUES
  ('0b5e8f3a-1d2c-4e6f-8a9b-000000000001', 'Alfama rooftop double room', 'Double room with a view over the Tagus', 'STAY', 'Lisbon', 'Europe/Lisbon', 1440, 12900, 'EUR'),
  ('0b5e8f3a-1d2c-4e6f-8a9b-000000000002', 'Belém food tour', 'Three hours, six tastings, small group', 'TOUR', 'Lisbon', 'Europe/Lisbon', 180, 6500, 'EUR'),
  ('0b5e8f3a-1d2c-4e6f-8a9b-000000000003', 'Canal-side table for two', 'Dinner table by the water', 'TABLE', 'Amsterdam', 'Europe/Amsterdam', 120, 0, 'EUR'),
  ('0b5e8f3a-1d2c-4e6f-8a9b-000000000004', 'Haircut with Sam', 'Thirty-minute cut and style', 'APPOINTMENT', 'Berlin', 'Europe/Berlin', 30, 3500, 'EUR')
ON CONFLICT (id) DO NOTHING;

-- Nights, midnight to midnight in the listing's time zone: 12 rooms a night.
INSERT INTO slot_inventory (listing_id, slot_start, capacity)
SELECT '0b5e8f3a-1d2c-4e6f-8a9b-000000000001', (d::date)::timestamp AT TIME ZONE 'Europe/Lisbon', 12
FROM generate_series(current_date + 1, current_date + 60, interval '1 day') AS d
ON CONFLICT DO NOTHING;

-- One tour a day at 09:00 (slots of 3 hours lie on a grid from midnight), 15 places.
INSERT INTO slot_inventory (listing_id, slot_start, capacity)
SELECT '0b5e8f3a-1d2c-4e6f-8a9b-000000000002', ((d::date)::timestamp + time '09:00') AT TIME ZONE 'Europe/Lisbon', 15
FROM generate_series(current_date + 1, current_date + 60, interval '1 day') AS d
ON CONFLICT DO NOTHING;

-- Dinner seatings at 18:00, 20:00 and 22:00, four tables each.
INSERT INTO slot_inventory (listing_id, slot_start, capacity)
SELECT '0b5e8f3a-1d2c-4e6f-8a9b-000000000003', ((d::date)::timestamp + s) AT TIME ZONE 'Europe/Amsterdam', 4
FROM generate_series(current_date + 1, current_date + 60, interval '1 day') AS d,
     unnest(ARRAY[time '18:00', time '20:00', time '22:00']) AS s
ON CONFLICT DO NOTHING;

-- Weekday appointments every 30 minutes from 09:00 to 17:00, one chair.
INSERT INTO slot_inventory (listing_id, slot_start, capacity)
SELECT '0b5e8f3a-1d2c-4e6f-8a9b-000000000004', ((d::date)::timestamp + time '09:00' + m * interval '30 minutes') AT TIME ZONE 'Europe/Berlin', 1
FROM generate_series(current_date + 1, current_date + 60, interval '1 day') AS d, generate_series(0, 15) AS m
WHERE extract(isodow FROM d) < 6
ON CONFLICT DO NOTHING;
