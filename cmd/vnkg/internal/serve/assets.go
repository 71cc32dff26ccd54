package serve

import (
	"embed"
	"io/fs"
	"net/http"
)

// The viewer's files: index.html and style.css as written, app.js bundled
// by esbuild from web/src with cytoscape.js (npm, pinned by
// web/package-lock.json). `go generate ./cmd/vnkg/internal/serve` rebuilds
// app.js (it runs npm ci and npm run build in web/); the built file is
// committed, so building vnkg needs no npm, and nothing is fetched at run
// time.
//
//go:generate sh -c "cd web && npm ci --no-audit --no-fund && npm run build"

//go:embed assets
var assetFS embed.FS

func assets() fs.FS {
	sub, err := fs.Sub(assetFS, "assets")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}

func assetServer() http.Handler {
	fsrv := http.FileServerFS(assets())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		fsrv.ServeHTTP(w, r)
	})
}

// page serves the viewer's single page for every view URL (/, /entity/…,
// /article/…): the page reads the URL and asks the API.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	b, err := fs.ReadFile(assets(), "index.html")
	if err != nil {
		writeError(w, http.StatusInternalServerError, "the viewer is missing from this binary")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}
