module example.com/pipelines

go 1.22
