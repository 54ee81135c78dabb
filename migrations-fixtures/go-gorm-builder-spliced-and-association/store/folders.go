package store

import "gorm.io/gorm"

type Owner struct {
	gorm.Model
	Email   string
	Folders []Folder
}

type Folder struct {
	ID             uint
	OwnerID        uint
	ParentFolderID *uint
	Path           string
}

// Descendants: the builder names the CTE of the Raw query it is spliced into; it runs nothing
// on its own.
func Descendants(db *gorm.DB, root uint) (out []Folder, err error) {
	tail := db.Model(&Folder{}).Table("sub_folders").Order("path")
	err = db.Raw(`
	WITH RECURSIVE sub_folders AS (
		SELECT * FROM folders WHERE id = ?
		UNION ALL
		SELECT f.* FROM folders f JOIN sub_folders s ON f.parent_folder_id = s.id
	)
	?`, root, tail).Find(&out).Error
	return out, err
}

// RootFolders: Association turns the chain to the folders table, where "path" is.
func RootFolders(db *gorm.DB, owner *Owner) (out []Folder, err error) {
	err = db.Model(owner).Where("parent_folder_id IS NULL").Order("path ASC").Association("Folders").Find(&out)
	return out, err
}

// Paths of one owner: a finished chain on the folders table.
func Paths(db *gorm.DB, owner uint) (out []string, err error) {
	err = db.Table("folders").Where("owner_id = ?", owner).Order("path").Pluck("path", &out).Error
	return out, err
}
