package model

// Agent is a build runner registered with the server.
type Agent struct {
	ID       int64  `xorm:"pk autoincr 'id'"`
	Name     string `xorm:"name"`
	Token    string `xorm:"token"`
	Capacity int32  `xorm:"capacity"`
	OrgID    int64  `xorm:"INDEX 'org_id'"`
}

// TableName names the agents table.
func (Agent) TableName() string { return "agents" }

// Job is one unit of work handed to an agent.
type Job struct {
	ID      int64  `xorm:"pk autoincr 'id'"`
	AgentID int64  `xorm:"agent_id"`
	State   string `xorm:"state"`
}

// TableName names the jobs table.
func (Job) TableName() string { return "jobs" }
