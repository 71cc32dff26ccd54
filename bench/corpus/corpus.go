// Package corpus generates realistic Vietnamese defense-diplomacy articles with
// known facts, for benchmarks and scale tests (the command bench/gen writes
// them to files): receptions, talks, conferences that review resolutions and
// plans (Đề án), visits, in the shape of the bundled articles (a front-matter
// header with title, published date and source, then paragraphs).
//
// The people are generated from surname, middle and given name lists, each
// with a career whose ranks and posts change over the years, so an article
// states the rank and post its person held on its date. A few well-known
// people (hubs) recur across the whole corpus, as ministers do; the rest appear
// in a handful of articles each. The same seed and size give the same bytes.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// firstYear and lastYear bound the articles' dates.
const (
	firstYear = 2006
	lastYear  = 2025
	years     = lastYear - firstYear + 1
)

// A stint is a span of years in which a person held one rank and some posts.
type stint struct {
	from, to int // years, inclusive
	rank     string
	posts    []string
}

type person struct {
	name     string
	hub      bool
	career   []stint
	articles int
}

func (p *person) at(year int) *stint {
	for i := range p.career {
		if s := &p.career[i]; year >= s.from && year <= s.to {
			return s
		}
	}
	return nil
}

// Corpus is a generated corpus being written.
type Corpus struct {
	rng    *rand.Rand
	seed   uint64
	people []*person
	hubs   []*person
	byYear [years][]*person // non-hub people active in each year
	res    []resolution
	plans  []string
}

type resolution struct{ id, body, topic string }

// New plans a corpus of n articles for seed: its people, careers,
// resolutions and plans. Articles are then written in order by Article.
func New(n int, seed uint64) *Corpus {
	c := &Corpus{rng: rand.New(rand.NewPCG(seed, 0x766e6b67)), seed: seed}
	seen := map[string]bool{}
	name := func() string {
		for {
			nm := c.name()
			if !seen[nm] {
				seen[nm] = true
				return nm
			}
		}
	}
	// Hubs: long careers at the top, present in every year.
	for i := 0; i < 6; i++ {
		p := &person{name: name(), hub: true}
		p.career = c.hubCareer(i)
		c.hubs = append(c.hubs, p)
		c.people = append(c.people, p)
	}
	pool := n + n/8
	if pool < 40 {
		pool = 40
	}
	for i := 0; i < pool; i++ {
		p := &person{name: name()}
		p.career = c.career()
		c.people = append(c.people, p)
		for y := firstYear; y <= lastYear; y++ {
			if p.at(y) != nil {
				c.byYear[y-firstYear] = append(c.byYear[y-firstYear], p)
			}
		}
	}
	c.res = append(c.res, wellKnownResolutions...)
	for i := 0; i < 20+n/200; i++ {
		b := resolutionBodies[c.rng.IntN(len(resolutionBodies))]
		c.res = append(c.res, resolution{
			id:    fmt.Sprintf("%d-NQ/%s", 100+c.rng.IntN(1900), b.suffix),
			body:  b.body,
			topic: topics[c.rng.IntN(len(topics))],
		})
	}
	for i := 0; i < 10+n/500; i++ {
		c.plans = append(c.plans, planTopics[c.rng.IntN(len(planTopics))]+planTails[c.rng.IntN(len(planTails))])
	}
	return c
}

func (c *Corpus) pick(list []string) string { return list[c.rng.IntN(len(list))] }

func (c *Corpus) name() string {
	sur := c.pick(surnames)
	mid := c.pick(middles)
	if c.rng.IntN(4) == 0 {
		mid += " " + c.pick(middles2)
	}
	return sur + " " + mid + " " + c.pick(givens)
}

// hubCareer gives the i-th hub a top career: a deputy minister or service chief
// rising to the top posts, over every year of the corpus.
func (c *Corpus) hubCareer(i int) []stint {
	tracks := [][]stint{
		{{rank: "Thượng tướng", posts: []string{"Thứ trưởng Bộ Quốc phòng"}}, {rank: "Đại tướng", posts: []string{"Bộ trưởng Bộ Quốc phòng", "Phó Bí thư Quân ủy Trung ương", "Ủy viên Bộ Chính trị"}}},
		{{rank: "Trung tướng", posts: []string{"Phó Tổng Tham mưu trưởng"}}, {rank: "Thượng tướng", posts: []string{"Thứ trưởng Bộ Quốc phòng", "Ủy viên Trung ương Đảng"}}},
		{{rank: "Trung tướng", posts: []string{"Tư lệnh Quân khu " + c.pick(militaryRegions)}}, {rank: "Thượng tướng", posts: []string{"Tổng Tham mưu trưởng", "Thứ trưởng Bộ Quốc phòng"}}},
		{{rank: "Thiếu tướng", posts: []string{"Cục trưởng Cục Đối ngoại"}}, {rank: "Trung tướng", posts: []string{"Phó Tổng Tham mưu trưởng"}}},
		{{rank: "Phó Đô đốc", posts: []string{"Tư lệnh Quân chủng Hải quân"}}, {rank: "Đô đốc", posts: []string{"Thứ trưởng Bộ Quốc phòng"}}},
		{{rank: "Trung tướng", posts: []string{"Chủ nhiệm Tổng cục Chính trị"}}, {rank: "Thượng tướng", posts: []string{"Chủ nhiệm Tổng cục Chính trị", "Ủy viên Thường vụ Quân ủy Trung ương"}}},
	}
	t := tracks[i%len(tracks)]
	split := firstYear + 5 + c.rng.IntN(years-10)
	t[0].from, t[0].to = firstYear, split-1
	t[1].from, t[1].to = split, lastYear
	return t
}

// tiers are ranks with the posts their holders take, most senior first.
var tiers = []struct {
	ranks []string
	posts []string
}{
	{[]string{"Thượng tướng"}, []string{"Thứ trưởng Bộ Quốc phòng", "Chủ nhiệm Tổng cục Chính trị", "Tổng Tham mưu trưởng"}},
	{[]string{"Trung tướng"}, []string{"Tư lệnh Quân khu %R", "Chính ủy Quân khu %R", "Phó Tổng Tham mưu trưởng", "Giám đốc Học viện Quốc phòng", "Tư lệnh Bộ đội Biên phòng", "Phó Chủ nhiệm Tổng cục Chính trị"}},
	{[]string{"Thiếu tướng", "Chuẩn Đô đốc"}, []string{"Phó Tư lệnh Quân khu %R", "Phó Chính ủy Quân khu %R", "Cục trưởng Cục Đối ngoại", "Tư lệnh Quân đoàn %C", "Phó Tư lệnh Quân chủng Hải quân", "Phó Giám đốc Học viện Quốc phòng"}},
	{[]string{"Đại tá"}, []string{"Phó Cục trưởng Cục Đối ngoại", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh %P", "Chính ủy Bộ Chỉ huy Quân sự tỉnh %P", "Chỉ huy trưởng Bộ đội Biên phòng tỉnh %B", "Phó Tư lệnh Quân đoàn %C"}},
	{[]string{"Thượng tá"}, []string{"Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh %P", "Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh %P", "Phó Chỉ huy trưởng Bộ đội Biên phòng tỉnh %B"}},
}

func (c *Corpus) post(tmpl string) string {
	r := strings.NewReplacer("%R", c.pick(militaryRegions), "%C", c.pick(corps), "%P", c.pick(provinces), "%B", c.pick(borderProvinces))
	return r.Replace(tmpl)
}

// career gives an ordinary officer one to four stints, each a rank above the last.
func (c *Corpus) career() []stint {
	tier := 1 + c.rng.IntN(len(tiers)-1)
	year := firstYear - 3 + c.rng.IntN(years)
	var out []stint
	for k := 1 + c.rng.IntN(4); k > 0 && year <= lastYear; k-- {
		t := tiers[tier]
		s := stint{from: year, to: year + 1 + c.rng.IntN(4), rank: c.pick(t.ranks)}
		s.posts = []string{c.post(c.pick(t.posts))}
		if tier <= 1 && c.rng.IntN(2) == 0 {
			s.posts = append(s.posts, "Ủy viên Trung ương Đảng")
		}
		out = append(out, s)
		year = s.to + 1
		if tier > 0 {
			tier--
		}
	}
	return out
}

// cast returns k distinct non-hub people active in year (fewer if not enough).
func (c *Corpus) cast(year, k int, not map[*person]bool) []*person {
	pool := c.byYear[year-firstYear]
	var out []*person
	for tries := 0; len(out) < k && tries < 4*k+8 && len(pool) > 0; tries++ {
		p := pool[c.rng.IntN(len(pool))]
		if !not[p] {
			not[p] = true
			out = append(out, p)
		}
	}
	return out
}

// styled is "Thượng tướng Nguyễn Văn A, Ủy viên ..., Thứ trưởng Bộ Quốc phòng".
func styled(p *person, year int) string {
	s := p.at(year)
	return s.rank + " " + p.name + ", " + strings.Join(reverse(s.posts), ", ")
}

// short is the post then the rank and name: "Thứ trưởng Bộ Quốc phòng, Thượng tướng Nguyễn Văn A".
func short(p *person, year int) string {
	s := p.at(year)
	return s.posts[0] + ", " + s.rank + " " + p.name
}

func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

// Article returns the i-th article's text. Articles must be asked for in
// order, 0, 1, 2 …: each draws from the corpus's one random stream.
func (c *Corpus) Article(i int) string {
	year := firstYear + c.rng.IntN(years)
	month, day := 1+c.rng.IntN(12), 1+c.rng.IntN(28)
	used := map[*person]bool{}
	var host *person
	if c.rng.IntN(1000) < 25 {
		// Hubs recur: the first ones far more often than the last.
		h := c.hubs[int(float64(len(c.hubs))*c.rng.Float64()*c.rng.Float64())]
		host = h
	} else if ps := c.cast(year, 1, used); len(ps) == 1 {
		host = ps[0]
	} else {
		host = c.hubs[0]
	}
	used[host] = true
	others := c.cast(year, 1+c.rng.IntN(4), used)
	if h := c.hubs[int(float64(len(c.hubs))*c.rng.Float64()*c.rng.Float64())]; !used[h] && c.rng.IntN(1000) < 20 {
		used[h] = true // a hub attends too, now and then
		others = append(others, h)
	}
	for p := range used {
		p.articles++
	}
	var b strings.Builder
	var title, body string
	switch k := c.rng.IntN(10); {
	case k < 3:
		title, body = c.reception(host, others, year, month, day)
	case k < 5:
		title, body = c.talks(host, others, year, month, day)
	case k < 8:
		title, body = c.conference(host, others, year, month, day)
	default:
		title, body = c.visit(host, others, year, month, day)
	}
	fmt.Fprintf(&b, "---\ntitle: %s\npublished: %04d-%02d-%02d\nsource: %s\n---\n%s\n\n", title, year, month, day, c.pick(outlets), title)
	b.WriteString(body)
	b.WriteString("\n\n")
	b.WriteString(c.pick(fillers))
	b.WriteString("\n")
	return b.String()
}

func attendeeList(ps []*person, year int) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = styled(p, year)
	}
	return strings.Join(parts, "; ")
}

func (c *Corpus) foreigner() (country, name string) {
	f := foreigners[c.rng.IntN(len(foreigners))]
	return f.country, c.pick(f.given) + " " + c.pick(f.family)
}

func (c *Corpus) reception(host *person, others []*person, year, month, day int) (string, string) {
	country, guest := c.foreigner()
	s := host.at(year)
	title := fmt.Sprintf("%s %s tiếp Đại sứ %s %s", s.rank, host.name, country, guest)
	var b strings.Builder
	fmt.Fprintf(&b, "Chiều %d/%d, tại Trụ sở Bộ Quốc phòng, %s đã tiếp xã giao Đại sứ Đặc mệnh toàn quyền %s tại Việt Nam %s nhân dịp Đại sứ nhận nhiệm vụ.", day, month, styled(host, year), country, guest)
	if len(others) > 0 {
		fmt.Fprintf(&b, "\n\nCùng dự buổi tiếp có %s.", attendeeList(others, year))
	}
	fmt.Fprintf(&b, "\n\nTại buổi tiếp, %s đánh giá cao những bước phát triển tích cực của quan hệ hợp tác quốc phòng Việt Nam – %s thời gian qua.", s.rank+" "+host.name, country)
	return title, b.String()
}

func (c *Corpus) talks(host *person, others []*person, year, month, day int) (string, string) {
	country, guest := c.foreigner()
	title := fmt.Sprintf("Hội đàm giữa Bộ Quốc phòng Việt Nam và Bộ Quốc phòng %s", country)
	var b strings.Builder
	fmt.Fprintf(&b, "Sáng %d/%d, tại Hà Nội, %s đã chủ trì hội đàm với Bộ trưởng Quốc phòng %s %s.", day, month, styled(host, year), country, guest)
	if len(others) > 0 {
		fmt.Fprintf(&b, "\n\nCùng dự hội đàm có %s.", attendeeList(others, year))
	}
	fmt.Fprintf(&b, "\n\nHai bên nhất trí tiếp tục duy trì cơ chế đối thoại chính sách quốc phòng và trao đổi đoàn các cấp.")
	return title, b.String()
}

func (c *Corpus) conference(host *person, others []*person, year, month, day int) (string, string) {
	var b strings.Builder
	var title, what string
	if c.rng.IntN(4) == 0 {
		p := c.plans[c.rng.IntN(len(c.plans))]
		what = "Đề án " + p
		title = "Sơ kết thực hiện " + what
	} else {
		var r resolution
		if c.rng.IntN(3) == 0 {
			r = c.res[0] // 806-NQ/QUTW recurs
		} else {
			r = c.res[c.rng.IntN(len(c.res))]
		}
		what = fmt.Sprintf("Nghị quyết số %s của %s về %s", r.id, r.body, r.topic)
		title = fmt.Sprintf("Tổng kết %d năm thực hiện Nghị quyết %s", 2+c.rng.IntN(9), r.id)
	}
	org := c.pick([]string{"Bộ Quốc phòng", "Tổng cục Chính trị", "Bộ Tổng Tham mưu", "Quân khu " + c.pick(militaryRegions), "Bộ Chỉ huy Quân sự tỉnh " + c.pick(provinces)})
	fmt.Fprintf(&b, "Ngày %d/%d, tại Hà Nội, %s tổ chức Hội nghị tổng kết công tác đối ngoại quốc phòng năm %d và sơ kết thực hiện %s.", day, month, org, year, what)
	fmt.Fprintf(&b, "\n\n%s chủ trì hội nghị.", styled(host, year))
	if len(others) > 0 {
		fmt.Fprintf(&b, " Tham dự hội nghị có %s.", attendeeList(others, year))
	}
	fmt.Fprintf(&b, "\n\nPhát biểu kết luận hội nghị, %s yêu cầu các cơ quan, đơn vị tiếp tục quán triệt, triển khai thực hiện hiệu quả %s.", short(host, year), what)
	return title, b.String()
}

func (c *Corpus) visit(host *person, others []*person, year, month, day int) (string, string) {
	country, guest := c.foreigner()
	title := fmt.Sprintf("Đoàn đại biểu Bộ Quốc phòng Việt Nam thăm chính thức %s", country)
	var b strings.Builder
	fmt.Fprintf(&b, "Từ ngày %d đến ngày %d/%d, đoàn đại biểu Bộ Quốc phòng Việt Nam do %s làm trưởng đoàn đã thăm chính thức %s.", day, day+2, month, styled(host, year), country)
	if len(others) > 0 {
		fmt.Fprintf(&b, "\n\nTham gia đoàn có %s.", attendeeList(others, year))
	}
	fmt.Fprintf(&b, "\n\nTrong chuyến thăm, đoàn đã hội kiến Bộ trưởng Quốc phòng %s %s và thăm một số đơn vị quân đội.", country, guest)
	return title, b.String()
}

// Person is a generated Vietnamese person and how many articles name them
// so far.
type Person struct {
	Name     string
	Hub      bool
	Articles int
}

// People lists the corpus's Vietnamese people, hubs first.
func (c *Corpus) People() []Person {
	out := make([]Person, len(c.people))
	for i, p := range c.people {
		out[i] = Person{Name: p.name, Hub: p.hub, Articles: p.articles}
	}
	return out
}
