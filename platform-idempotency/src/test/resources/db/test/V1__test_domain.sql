CREATE TABLE test_reservation (
    id     uuid    PRIMARY KEY,
    owner  text    NOT NULL,
    seats  integer NOT NULL
);
