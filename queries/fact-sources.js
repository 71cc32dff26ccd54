// The articles that state a fact (subject, predicate, object), by date.
// @param subject    IRI or name of the subject
// @param predicate  IRI or short form of the predicate (schema:name, vnkg:rank, vnkg:chair, …)
// @param object     IRI or name of the object node, or a literal value
// @columns date article title subject
//
// Every fact is a quad labelled with the article that states it, so the
// sources are the labels of the matching quads (the gazetteer's label for
// background knowledge). The object matches a node it names (as resolve
// does) or a literal whose value equals it ignoring case.
var subjects = resolve(subject);
var pred = P(predicate);
var objects = {};
if (isIRI(object)) {
  objects[P(object)] = true;
} else if (object.charAt(0) !== '"') {
  resolve(object).forEach(function (o) { objects[o] = true; });
}
var literal = lex(object).toLowerCase();
var rows = [];
subjects.forEach(function (s) {
  docsOf(s).forEach(function (doc) {
    var match = g.V(s).labelContext(doc).out(pred).toArray().some(function (v) {
      return objects[v] || (v.charAt(0) !== "<" && lex(v).toLowerCase() === literal);
    });
    if (!match) return;
    var title = g.V(doc).out(P("schema:name")).toValue();
    var row = { date: dateOf(doc), article: doc, title: title === undefined ? null : title };
    if (subjects.length > 1) row.subject = nameOf(s);
    rows.push(row);
  });
});
rows.sort(byDate("date", ["article", "subject"]));
emitAll(rows);
