// People who took part in an event together with a person: who, where and in which roles.
// @param person  IRI or name of the person
// @columns met role event date person
//
// Taking part is any of vnkg:chair, schema:attendee, vnkg:speaker. One row for
// each other participant of each shared event, with that participant's roles;
// sorted by the event's date, then name.
var roles = { chair: "vnkg:chair", attendee: "schema:attendee", speaker: "vnkg:speaker" };
var preds = Object.keys(roles).map(function (r) { return P(roles[r]); });
var people = resolve(person, ["schema:Person"]);
var rows = [];
people.forEach(function (p) {
  uniq(g.V(p).in(preds).toArray()).sort().forEach(function (ev) {
    var start = g.V(ev).out(P("schema:startDate")).toValue();
    var others = {};
    Object.keys(roles).forEach(function (role) {
      uniq(g.V(ev).out(P(roles[role])).toArray()).forEach(function (o) {
        if (o === p) return;
        (others[o] = others[o] || []).push(role);
      });
    });
    Object.keys(others).forEach(function (o) {
      var row = { met: nameOf(o), role: others[o], event: nameOf(ev), date: start === undefined ? null : start };
      if (people.length > 1) row.person = nameOf(p);
      rows.push(row);
    });
  });
});
rows.sort(byDate("date", ["event", "met", "person"]));
emitAll(rows);
