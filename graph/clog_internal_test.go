package graph

import "testing"

func TestRedactSecrets(t *testing.T) {
	tests := []struct{ in, want string }{
		{"opening postgres://vnkg:hunter2@db:5432/kg?sslmode=disable", "opening postgres://vnkg:xxxxx@db:5432/kg?sslmode=disable"},
		{"postgresql://u:p%40ss@h/db", "postgresql://u:xxxxx@h/db"},
		{"no password postgres://vnkg@db/kg", "no password postgres://vnkg@db/kg"},
		{"host=db user=vnkg password=hunter2 dbname=kg", "host=db user=vnkg password=xxxxx dbname=kg"},
		{"password = 'a b\\'c' dbname=kg", "password = xxxxx dbname=kg"},
		{"PASSWORD=x", "PASSWORD=xxxxx"},
		{"nothing secret here", "nothing secret here"},
	}
	for _, tt := range tests {
		if got := redactSecrets(tt.in); got != tt.want {
			t.Errorf("redactSecrets(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
