// Package data holds vnkg's embedded data: the gazetteers that the extractor reads
// (ranks, titles, bodies, abbreviations, surnames, countries, event and verb
// lexicons, outlets, page chrome) and the bundled corpus of seed articles.
package data

import (
	"embed"
	"io/fs"
)

// Gazetteers is the gazetteer folder; files sit under "gazetteer/".
//
//go:embed gazetteer
var Gazetteers embed.FS

// Corpus is the bundled article corpus under "corpus/".
//
//go:embed corpus
var Corpus embed.FS

// GazetteerFS is the gazetteer folder with its files at the root.
func GazetteerFS() fs.FS {
	sub, err := fs.Sub(Gazetteers, "gazetteer")
	if err != nil {
		panic(err) // the embedded folder always exists
	}
	return sub
}
