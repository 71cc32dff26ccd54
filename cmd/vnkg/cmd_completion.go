package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"

	"github.com/vnkg/vnkg/queries"
)

func init() {
	register(command{name: "completion", summary: "print a shell completion script (bash, zsh or fish)", run: runCompletion})
	// __complete answers the scripts: it is not listed in the help.
	register(command{name: "__complete", run: runComplete, hidden: true})
}

const completionDoc = `Prints a completion script for the named shell. The script asks vnkg itself
(the hidden "vnkg __complete WORDS…") for commands, flags, and the names of
the query library, so it never goes out of date; anything else completes as
a file name.

  bash:  source <(vnkg completion bash)            (or save it under
         /etc/bash_completion.d/ or ~/.local/share/bash-completion/completions/vnkg)
  zsh:   source <(vnkg completion zsh)             (uses bashcompinit)
  fish:  vnkg completion fish > ~/.config/fish/completions/vnkg.fish`

// The scripts pass the words typed so far, the current (partial) one last.
var completionScripts = map[string]string{
	"bash": `# bash completion for vnkg
_vnkg() {
	local cur=${COMP_WORDS[COMP_CWORD]}
	local IFS=$'\n'
	COMPREPLY=($(vnkg __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
	if [ ${#COMPREPLY[@]} -eq 0 ]; then
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o filenames -F _vnkg vnkg
`,
	"zsh": `# zsh completion for vnkg (through bash's completion functions)
autoload -U +X bashcompinit && bashcompinit
_vnkg() {
	local cur=${COMP_WORDS[COMP_CWORD]}
	local IFS=$'\n'
	COMPREPLY=($(vnkg __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
	if [ ${#COMPREPLY[@]} -eq 0 ]; then
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o filenames -F _vnkg vnkg
`,
	"fish": `# fish completion for vnkg
function __vnkg_complete
	set -l words (commandline -opc)
	set -e words[1]
	vnkg __complete $words (commandline -ct) 2>/dev/null
end
complete -c vnkg -f -a '(__vnkg_complete)'
complete -c vnkg -F -n 'test -z (__vnkg_complete)'
`,
}

func runCompletion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "completion", "bash|zsh|fish", completionDoc)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return missingArgs("completion", "the shell: bash, zsh or fish")
	}
	script, ok := completionScripts[pos[0]]
	if !ok {
		return fmt.Errorf("%w: no completion for shell %q (bash, zsh or fish)", errUsage, pos[0])
	}
	_, err = io.WriteString(e.stdout, script)
	return err
}

// runComplete prints, one a line, the words that may stand where the last
// argument is, given the words before it.
func runComplete(ctx context.Context, e *env, args []string) error {
	cur := ""
	if len(args) > 0 {
		cur, args = args[len(args)-1], args[:len(args)-1]
	}
	for _, c := range completions(ctx, args, cur) {
		if strings.HasPrefix(c, cur) {
			fmt.Fprintln(e.stdout, c)
		}
	}
	return nil
}

var globalFlags = []string{"-v", "-q", "--log-format", "--gazetteer", "--version", "-h"}

// completions lists the candidates for the word after words.
func completions(ctx context.Context, words []string, cur string) []string {
	// Skip the global flags and the values of those that take one.
	i := 0
	for i < len(words) && strings.HasPrefix(words[i], "-") {
		if f := strings.TrimLeft(words[i], "-"); f == "log-format" || f == "gazetteer" {
			if i+1 == len(words) { // cur is this flag's value
				if f == "log-format" {
					return []string{"json", "text"}
				}
				return nil // a directory: the shell completes file names
			}
			i++
		}
		i++
	}
	if i == len(words) {
		if strings.HasPrefix(cur, "-") {
			return globalFlags
		}
		return commandNames()
	}
	name, rest := words[i], words[i+1:]
	cmd, ok := commands[name]
	if !ok {
		return nil
	}
	if strings.HasPrefix(cur, "-") {
		return commandFlags(ctx, cmd)
	}
	positional := 0
	for _, w := range rest {
		if !strings.HasPrefix(w, "-") {
			positional++
		}
	}
	switch name {
	case "help":
		return commandNames()
	case "completion":
		return []string{"bash", "fish", "zsh"}
	case "query":
		if positional == 0 && (len(rest) == 0 || rest[len(rest)-1] != "-f") {
			var names []string
			for _, q := range queries.All() {
				names = append(names, q.Name)
			}
			return names
		}
	}
	return nil
}

func commandNames() []string {
	var names []string
	for n, c := range commands {
		if !c.hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// commandFlags reads a command's flags off its own help page, so that the
// completion can never disagree with the flags the command takes.
func commandFlags(ctx context.Context, cmd command) []string {
	var page bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &page, stderr: io.Discard, log: slog.New(slog.DiscardHandler)}
	_ = cmd.run(ctx, e, []string{"-h"})
	var flags []string
	sc := bufio.NewScanner(&page)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "  -") {
			continue
		}
		f := strings.Fields(line)[0]
		flags = append(flags, "-"+f) // the flag package takes -x and --x alike; show --x
	}
	sort.Strings(flags)
	return flags
}
