DROP TABLE folders; DROP TABLE owners;
