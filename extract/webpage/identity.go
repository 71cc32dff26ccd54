package webpage

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// trackingParams are query parameters that never change what a page is.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "zarsrc": true, "utm": true,
	"amp": true, "print": true, "mode": true, "ref": true, "src": true, "source": true,
	"gidzl": true, "_ga": true, "mc_cid": true, "mc_eid": true, "igshid": true, "cmpid": true,
}

// CanonicalURL is the form of a page's URL that names the article, whatever
// copy of it was saved: https, no "www.", "m." or "amp." host prefix, no AMP or
// print path ("/amp/", ".amp", "/print/"), no tracking or view parameters
// (utm_*, fbclid, zarsrc, amp, print, ...), no fragment, remaining parameters
// sorted. A string that is not an absolute http(s) URL is returned as is.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return raw
	}
	u.Scheme = "https"
	host := strings.ToLower(u.Hostname())
	for _, p := range []string{"www.", "m.", "amp.", "mobile."} {
		if strings.HasPrefix(host, p) && strings.Count(host, ".") > 1 {
			host = strings.TrimPrefix(host, p)
		}
	}
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	p := u.EscapedPath()
	for _, seg := range []string{"/amp/", "/print/"} {
		if strings.HasPrefix(p, seg) {
			p = "/" + strings.TrimPrefix(p, seg)
		}
	}
	p = strings.TrimSuffix(p, "/amp")
	p = strings.TrimSuffix(p, "/print")
	p = strings.TrimSuffix(p, "/")
	if strings.HasSuffix(p, ".amp") {
		p = strings.TrimSuffix(p, ".amp")
	}
	p = strings.Replace(p, ".amp.", ".", 1)
	if p == "" {
		p = "/"
	}
	if pu, err := url.Parse(p); err == nil {
		u.Path, u.RawPath = pu.Path, pu.RawPath
	}
	var kept []string
	for _, pair := range strings.Split(u.RawQuery, "&") {
		if pair == "" {
			continue
		}
		k, _, _ := strings.Cut(pair, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		lk := strings.ToLower(k)
		if trackingParams[lk] || strings.HasPrefix(lk, "utm_") {
			continue
		}
		kept = append(kept, pair)
	}
	sort.Strings(kept)
	var b strings.Builder
	b.WriteString(strings.Join(kept, "&"))
	u.RawQuery = b.String()
	u.ForceQuery = false
	return u.String()
}

var nonSlug = regexp.MustCompile(`[^\p{L}\p{N}]+`)

// DocID is the document id of a canonical URL: a readable slug (the host, then
// the last path segment without its extension, NFC, lower case, runs of other
// characters folded to "-", at most 60 letters) and the first 8 hex digits of
// the URL's SHA-256, e.g. "qdnd.vn-bo-truong-tiep-dai-su-2f6c1a9e". The slug is
// for people reading ids; the hash makes the id the URL's alone.
func DocID(canonical string) string {
	sum := sha256.Sum256([]byte(canonical))
	h := hex.EncodeToString(sum[:4])
	u, err := url.Parse(canonical)
	if err != nil || u.Host == "" {
		return "page-" + h
	}
	last := path.Base(u.Path)
	if ext := path.Ext(last); ext != "" && len(ext) <= 6 {
		last = strings.TrimSuffix(last, ext)
	}
	if last == "/" || last == "." {
		last = ""
	}
	slug := nonSlug.ReplaceAllString(strings.ToLower(norm.NFC.String(last)), "-")
	slug = strings.Trim(slug, "-")
	if r := []rune(slug); len(r) > 60 {
		slug = strings.TrimRightFunc(string(r[:60]), func(r rune) bool { return r == '-' || unicode.IsSpace(r) })
	}
	id := u.Hostname()
	if slug != "" {
		id += "-" + slug
	}
	return id + "-" + h
}
