package store

import (
	"gorm.io/gorm"
)

type Tenant struct {
	ID   uint
	Name string
}

func (Tenant) TableName() string { return "tenants" }

// LLMResult is one provider's answer; every call is billed, so a failed Create loses money.
type LLMResult struct {
	gorm.Model
	TenantID     uint
	Tenant       Tenant
	Provider     string `gorm:"not null"`
	Hash         string `gorm:"column:prompt_hash;index"`
	Output       string
	TokensUsed   int
	ModelVersion *string
	cost         float64
	Preview      string `gorm:"-"`
}

func (LLMResult) TableName() string { return "llm_results" }

func Save(db *gorm.DB, r *LLMResult) error {
	return db.Create(r).Error
}

func Latest(db *gorm.DB, tenantID uint) ([]LLMResult, error) {
	var out []LLMResult
	err := db.Model(&LLMResult{}).Where("tenant_id = ? AND model_version IS NOT NULL", tenantID).Order("created_at desc").Limit(20).Find(&out).Error
	return out, err
}

func Providers(db *gorm.DB) ([]string, error) {
	var names []string
	err := db.Table("llm_results").Distinct("provider").Order("provider").Pluck("provider", &names).Error
	return names, err
}
