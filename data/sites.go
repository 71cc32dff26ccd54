package data

import (
	"embed"
	"io/fs"
)

// Sites holds the per-site rules for reading saved news pages, under "sites/":
// one TSV file per outlet (CSS selectors as data) and default.tsv for all pages.
//
//go:embed sites
var Sites embed.FS

// SitesFS is the site-rule folder with its files at the root.
func SitesFS() fs.FS {
	sub, err := fs.Sub(Sites, "sites")
	if err != nil {
		panic(err) // the embedded folder always exists
	}
	return sub
}
