package queries

// TiesSettled is how many ties between rows the exact sort has put in the
// store's order so far in this process.
func TiesSettled() int64 { return tiesSettled.Load() }
