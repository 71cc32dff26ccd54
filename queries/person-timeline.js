// A person's ranks and positions as each article states them, by the article's date.
// @param person  IRI or name of the person ("Nguyễn Chí Vịnh", "Thượng tướng Vịnh")
// @columns date rank position article person
//
// Rank and position are facts of one article's time: each is read under the
// article's label and joined to the article's schema:datePublished. Articles
// without a full date come last.
var people = resolve(person, ["schema:Person"]);
var rows = [];
people.forEach(function (p) {
  docsOf(p).forEach(function (doc) {
    var said = g.V(p).labelContext(doc);
    var ranks = namesOf(said.out(P("vnkg:rank")).toArray());
    var positions = namesOf(said.out(P("vnkg:holdsPosition")).toArray());
    if (!ranks.length && !positions.length) return;
    var row = { date: dateOf(doc), rank: ranks, position: positions, article: doc };
    if (people.length > 1) row.person = nameOf(p);
    rows.push(row);
  });
});
rows.sort(byDate("date", ["article", "person"]));
emitAll(rows);
