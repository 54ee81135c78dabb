DROP TABLE aws_region;
