-- Anonymous search orders active listings by name and pages through them: these indexes give it
-- the rows in that order (a top-N read, no sort of every listing), unfiltered, by category, or by
-- city. listing_search_idx (city, category) stays for the city-and-category search.
CREATE INDEX listing_active_name_idx ON listing (name, id) WHERE status = 'ACTIVE';
CREATE INDEX listing_active_category_idx ON listing (category, name, id) WHERE status = 'ACTIVE';
CREATE INDEX listing_active_city_idx ON listing (lower(city), name, id) WHERE status = 'ACTIVE';
