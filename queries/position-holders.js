// Who held a position, with the first and last dates of the articles that say so.
// @param position  IRI or name of the position ("Thứ trưởng Bộ Quốc phòng")
// @columns person from to articles position
//
// A holder is a person with vnkg:holdsPosition to the position in some
// article; from and to are the earliest and latest full dates of those
// articles (empty when none is dated). Sorted by from.
var positions = resolve(position, ["vnkg:Position"]);
var rows = [];
positions.forEach(function (pos) {
  var docs = docsOf(pos);
  var byPerson = {};
  g.V(pos).labelContext(docs, "doc").in(P("vnkg:holdsPosition")).tagArray().forEach(function (r) {
    (byPerson[r.id] = byPerson[r.id] || {})[r.doc] = true;
  });
  Object.keys(byPerson).forEach(function (p) {
    var articles = Object.keys(byPerson[p]).sort();
    var dates = articles.map(dateOf).filter(isFullDate).sort(function (a, b) { return cmp(lex(a), lex(b)); });
    var row = {
      person: nameOf(p),
      from: dates.length ? dates[0] : null,
      to: dates.length ? dates[dates.length - 1] : null,
      articles: articles.length
    };
    if (positions.length > 1) row.position = nameOf(pos);
    rows.push(row);
  });
});
rows.sort(byDate("from", ["person", "position"]));
emitAll(rows);
