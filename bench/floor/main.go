// Command floor is the floor of issue 8's extraction figure: it reads every
// .txt file under the directories it is given, NFC-normalizes the text and
// splits it into syllables (runs of letters, digits and marks), the least any
// reader of these articles does, and prints how many files, bytes and
// syllables it saw. bench/extract.sh times `vnkg extract` against it, whole
// process, in the same run.
//
//	go run ./bench/floor DIR...
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: floor DIR...")
		os.Exit(2)
	}
	files, bytes, syllables := 0, 0, 0
	for _, root := range os.Args[1:] {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(path, ".txt") {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files++
			bytes += len(b)
			syllables += len(strings.FieldsFunc(norm.NFC.String(string(b)), func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
			}))
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("%d files, %d bytes, %d syllables\n", files, bytes, syllables)
}
