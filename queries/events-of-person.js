// Events a person chaired, attended or spoke at, with the person's roles, by date.
// @param person  IRI or name of the person
// @columns date event kind role person
//
// Roles: chair (vnkg:chair), attendee (schema:attendee), speaker
// (vnkg:speaker). The date is the event's schema:startDate as stated, which
// may lack a year ("--08-17"); such events sort by their article's date.
var roles = { chair: "vnkg:chair", attendee: "schema:attendee", speaker: "vnkg:speaker" };
var people = resolve(person, ["schema:Person"]);
var rows = [];
people.forEach(function (p) {
  var found = {};
  Object.keys(roles).forEach(function (role) {
    uniq(g.V(p).in(P(roles[role])).toArray()).forEach(function (ev) {
      (found[ev] = found[ev] || []).push(role);
    });
  });
  Object.keys(found).forEach(function (ev) {
    var row = eventRow(ev);
    row.role = found[ev];
    if (people.length > 1) row.person = nameOf(p);
    rows.push(row);
  });
});
rows.sort(byDate("sortDate", ["event", "person"]));
rows.forEach(function (r) { delete r.sortDate; });
emitAll(rows);

// eventRow describes an event: name, kind, date, and the date it sorts by.
function eventRow(ev) {
  var start = g.V(ev).out(P("schema:startDate")).toValue();
  var sortDate = start;
  if (!isFullDate(start)) {
    var dates = docsOf(ev).map(dateOf).filter(isFullDate).map(lex).sort();
    sortDate = dates.length ? dates[0] : start;
  }
  var kind = g.V(ev).out(P("vnkg:eventKind")).toValue();
  return { date: start === undefined ? null : start, event: nameOf(ev), kind: kind === undefined ? null : kind, sortDate: sortDate };
}
