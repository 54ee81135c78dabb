-- Test environments start the external ids high; prod sets ignoreIfProd to "--".
${ignoreIfProd} ALTER SEQUENCE fagsak_ekstern_id_seq RESTART WITH 200000000;
