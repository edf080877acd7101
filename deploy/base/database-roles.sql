-- Run once as a PostgreSQL administrator, in the korgoo database, before the first deployment:
--   psql "$ADMIN_URL" -v gateway_owner_pw=... -v gateway_app_pw=... (one pair per service) -f database-roles.sql
-- Per service: an owner login that owns the service's schema and runs its migrations, the service's role
-- (korgoo_<service>, which the migrations then grant its own tables to), and the login the service works
-- as, holding that role only. No login can reach another service's schema.
\set ON_ERROR_STOP on
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE ROLE korgoo_gateway NOLOGIN;
CREATE ROLE korgoo_gateway_owner LOGIN PASSWORD :'gateway_owner_pw';
CREATE ROLE korgoo_gateway_app LOGIN PASSWORD :'gateway_app_pw' IN ROLE korgoo_gateway;
CREATE SCHEMA gateway AUTHORIZATION korgoo_gateway_owner;

CREATE ROLE korgoo_risk NOLOGIN;
CREATE ROLE korgoo_risk_owner LOGIN PASSWORD :'risk_owner_pw';
CREATE ROLE korgoo_risk_app LOGIN PASSWORD :'risk_app_pw' IN ROLE korgoo_risk;
CREATE SCHEMA risk AUTHORIZATION korgoo_risk_owner;

CREATE ROLE korgoo_matching NOLOGIN;
CREATE ROLE korgoo_matching_owner LOGIN PASSWORD :'matching_owner_pw';
CREATE ROLE korgoo_matching_app LOGIN PASSWORD :'matching_app_pw' IN ROLE korgoo_matching;
CREATE SCHEMA matching AUTHORIZATION korgoo_matching_owner;

CREATE ROLE korgoo_notification NOLOGIN;
CREATE ROLE korgoo_notification_owner LOGIN PASSWORD :'notification_owner_pw';
CREATE ROLE korgoo_notification_app LOGIN PASSWORD :'notification_app_pw' IN ROLE korgoo_notification;
CREATE SCHEMA notification AUTHORIZATION korgoo_notification_owner;

CREATE ROLE korgoo_programme NOLOGIN;
CREATE ROLE korgoo_programme_owner LOGIN PASSWORD :'programme_owner_pw';
CREATE ROLE korgoo_programme_app LOGIN PASSWORD :'programme_app_pw' IN ROLE korgoo_programme;
CREATE SCHEMA programme AUTHORIZATION korgoo_programme_owner;

CREATE ROLE korgoo_reporting NOLOGIN;
CREATE ROLE korgoo_reporting_owner LOGIN PASSWORD :'reporting_owner_pw';
CREATE ROLE korgoo_reporting_app LOGIN PASSWORD :'reporting_app_pw' IN ROLE korgoo_reporting;
CREATE SCHEMA reporting AUTHORIZATION korgoo_reporting_owner;
