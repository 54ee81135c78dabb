package storage

// Table names.
const (
	TransactionsTable = "transactions"
	ActiveRecordTxnID = 0
)
