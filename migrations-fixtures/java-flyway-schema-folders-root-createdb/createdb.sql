-- Run once as superuser before the first start: the role and schemas the service migrates.
CREATE ROLE records WITH LOGIN PASSWORD 'records';
CREATE DATABASE records ENCODING 'UTF-8' TEMPLATE template0;
\c records
CREATE SCHEMA IF NOT EXISTS records AUTHORIZATION records;
CREATE SCHEMA IF NOT EXISTS ext AUTHORIZATION records;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA ext;
