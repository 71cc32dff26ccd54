// Who chaired the events that reviewed a resolution or plan, with each event and its date.
// @param resolution  IRI, name, identifier ("806-NQ/QUTW") or short name ("Nghị quyết 806")
// @columns chair date event resolution
//
// One row for each chair of each event whose schema:about is the resolution;
// resolved as in events-about. Sorted by date, then chair.
var found = resolve(resolution, ["vnkg:Resolution", "vnkg:Plan"],
  ["schema:name", "schema:alternateName", "schema:legislationIdentifier"]);
var rows = [];
found.forEach(function (r) {
  var events = ofTypes(uniq(g.V(r).in(P("schema:about")).toArray()), ["schema:Event"]);
  events.forEach(function (ev) {
    var start = g.V(ev).out(P("schema:startDate")).toValue();
    namesOf(g.V(ev).out(P("vnkg:chair")).toArray()).forEach(function (chair) {
      var row = { chair: chair, date: start === undefined ? null : start, event: nameOf(ev) };
      if (found.length > 1) row.resolution = nameOf(r);
      rows.push(row);
    });
  });
});
rows.sort(byDate("date", ["chair", "event", "resolution"]));
emitAll(rows);
