${ignoreIfProd} ALTER TABLE fagsak ADD COLUMN test_flag BOOLEAN;
