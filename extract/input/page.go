package input

import (
	"path/filepath"
	"strings"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/webpage"
)

// PageDocument reads a saved page (or a WARC response's body) into a document.
// Its id is the page's canonical-URL id (webpage.DocID) when the page or the
// fetch names a URL, else fallbackID (the file name without its extension).
//
// source is what the document's SourceFile holds (Item.Source).
func PageDocument(data []byte, source, fallbackID string, opt webpage.Options) (extract.Document, error) {
	a, err := webpage.Parse(data, opt)
	if err != nil {
		return extract.Document{}, err
	}
	return articleDocument(a, source, fallbackID), nil
}

func articleDocument(a webpage.Article, source, fallbackID string) extract.Document {
	id := a.ID
	if id == "" {
		id = fallbackID
	}
	return extract.Document{
		ID:         id,
		Text:       a.Text,
		Title:      a.Title,
		Published:  a.Published,
		Source:     a.Publisher,
		URL:        a.URL,
		Authors:    a.Authors,
		SourceFile: source,
	}
}

// baseID is a file's name without its extensions (.html, .warc.gz, .jsonl.gz).
func baseID(file string) string {
	b := filepath.Base(file)
	for _, ext := range []string{".gz", ".html", ".htm", ".shtml", ".xhtml", ".warc", ".jsonl", ".txt"} {
		if strings.HasSuffix(strings.ToLower(b), ext) {
			b = b[:len(b)-len(ext)]
		}
	}
	return b
}
