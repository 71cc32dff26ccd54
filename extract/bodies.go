package extract

// indexOf is the index of a span in spans.
func indexOf(spans []Span, x Span) int {
	for i, sp := range spans {
		if sp.Start == x.Start && sp.Kind == x.Kind {
			return i
		}
	}
	return -1
}

// bodies records every body of the sentence, the abbreviations it defines
// ("Bộ Quốc phòng (BQP)") and bodies qualified by an armed force
// ("Bộ Tổng Tham mưu Quân đội nhân dân Lào").
func (a *analysis) bodies(spans []Span) {
	for k := 0; k < len(spans); k++ {
		sp := spans[k]
		if sp.Kind != SpanOrg || sp.Value == loneHead {
			continue
		}
		o := a.orgOf(sp)
		a.sharedSuffix(sp)
		// "(BQP)": an abbreviation the article defines
		if k+3 < len(spans) && spans[k+1].Value == "(" && spans[k+3].Value == ")" &&
			spans[k+2].T1-spans[k+2].T0 == 1 && a.toks[spans[k+2].T0].Upper {
			abbr := a.toks[spans[k+2].T0].Text
			a.abbrev[abbr] = o.Name
			o.Aliases = appendUnique(o.Aliases, abbr)
			// "Bộ đội Biên phòng (BĐBP) tỉnh An Giang": the name goes on after
			// the brackets
			if t := spans[k+3].T1; t+1 < len(a.toks) && a.g.is(a.toks[t].Key, wAdmin) && a.toks[t+1].Cap {
				e := t + 1
				for e < len(a.toks) && a.toks[e].Kind == Word && a.toks[e].Cap {
					e++
				}
				full := a.org("", a.spanText(sp)+" "+a.tokText(t, e))
				a.orgAt[sp.Start] = full
			}
		}
		if k+1 < len(spans) && spans[k+1].Kind == SpanOrg && spans[k+1].T0 == sp.T1 {
			next := spans[k+1]
			b := a.orgOf(next)
			if c := a.countryIn(b.Name); c != "" {
				// a foreign armed force's body is a body of its own
				combined := a.org(o.Name+" "+b.Name, a.text.Norm[sp.Start:next.End])
				combined.Parent = b.Name
			} else {
				o.Aliases = appendUnique(o.Aliases, CanonicalTone(collapseSpaces(a.text.Norm[sp.Start:next.End])))
			}
			k++
		}
	}
}

// sharedSuffix reads a body head standing alone before a comma and a body with
// a head of its own: "Đảng ủy, Bộ Tư lệnh Quân khu 4" names Đảng ủy Quân khu 4
// too.
func (a *analysis) sharedSuffix(sp Span) {
	t := sp.T0
	if t < 2 || a.toks[t-1].Text != "," {
		return
	}
	hn, _ := a.g.headLex.longest(a.toks, t)
	if hn == 0 || hn >= sp.T1-t {
		return
	}
	// the lone head: the longest head that ends right before the comma
	for start := t - 2; start >= 0 && start >= t-5; start-- {
		if n, _ := a.g.headLex.longest(a.toks[:t-1], start); n > 0 && start+n == t-1 && a.toks[start].Cap && (start == 0 || !a.toks[start-1].Cap) {
			if on, _ := a.g.orgLex.longest(a.toks[:t-1], start); on > 0 {
				return // a body of its own, not a lone head
			}
			rest := a.tokText(t+hn, sp.T1)
			written := a.tokText(start, t-1) + " " + rest
			a.org("", written)
			return
		}
	}
}
