-- Page views moved to the analytics service.
DROP TABLE "pageviews";
