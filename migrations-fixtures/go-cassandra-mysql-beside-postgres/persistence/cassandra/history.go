package cassandra

// Same package as executions.go: the directory says which engine this SQL is for.
const templateAppendHistory = `INSERT INTO history_node (tree_id, branch_id, node_id, txn_id, data) VALUES (?, ?, ?, ?, ?) IF NOT EXISTS`

const templateReadHistory = `SELECT node_id, txn_id, data FROM history_node WHERE tree_id = ? AND branch_id = ?`
