package models

import "time"

type Report struct {
	ID       uint      `gorm:"primary_key"`
	UserID   string    `gorm:"not null; index"`
	FromTime time.Time `gorm:"not null"`
	Items    ReportItems `gorm:"constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
}

type Reports []*Report

type ReportItem struct {
	ID       uint64 `gorm:"primary_key"`
	ReportID uint   `gorm:"index"`
	Key      string `gorm:"size:255"`
	Total    time.Duration
}

type ReportItems []*ReportItem
