package datastore

import (
	"example.com/runners/model"
	"xorm.io/xorm"
)

// AgentByToken finds the agent a token belongs to.
func AgentByToken(e *xorm.Engine, token string) (*model.Agent, error) {
	agent := new(model.Agent)
	_, err := e.Where("token = ?", token).Get(agent)
	return agent, err
}

// BusyAgents lists the agents of an organisation with running jobs.
func BusyAgents(e *xorm.Engine, orgID int64) ([]*model.Agent, error) {
	var agents []*model.Agent
	err := e.SQL(`SELECT a.* FROM agents a JOIN jobs j ON j.agent_id = a.id
	              WHERE a.org_id = ? AND j.state = 'running' AND a.last_contact > now() - interval '1 minute'`, orgID).Find(&agents)
	return agents, err
}
