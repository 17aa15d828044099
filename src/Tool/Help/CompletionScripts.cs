namespace BsgKit.Tool.Help;

/// <summary>
/// The shell completion scripts `bsgkit completion SHELL` prints. Each hands the command line up to the cursor to
/// bsgkit's own completer (System.CommandLine's [suggest:POSITION] directive), which knows every command and option of
/// the tree and, through <see cref="Completions"/>, the scenario names, hosts and remote ports of the catalog.
/// </summary>
internal static class CompletionScripts
{
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh", "fish"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "bash, zsh or fish"),
    };

    // bash: COMP_LINE/COMP_POINT when a shell calls us (COMP_WORDS is split at ':' too, which rport-1:0-2 has);
    // COMP_WORDS when a script sets only that. Candidates are filtered by prefix here (the completer also offers
    // names that merely contain the word), and what bash already has before the last ':' is cut off.
    private const string Bash = """
        # bash completion for bsgkit: source <(bsgkit completion bash)
        # (or save it as /etc/bash_completion.d/bsgkit or ~/.local/share/bash-completion/completions/bsgkit)
        _bsgkit_complete() {
            local line
            if [[ -n ${COMP_LINE-} ]]; then
                line=${COMP_LINE:0:${COMP_POINT:-${#COMP_LINE}}}
            else
                line="${COMP_WORDS[*]:0:COMP_CWORD+1}"
            fi
            local rest=${line#*[[:space:]]}
            [[ $rest == "$line" ]] && rest=""
            line="bsgkit $rest"
            local cur=${line##*[[:space:]]}
            local candidate prefix=""
            [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]] && prefix=${cur%:*}:
            COMPREPLY=()
            while IFS= read -r candidate; do
                [[ -n $candidate && $candidate == "$cur"* ]] && COMPREPLY+=("${candidate#"$prefix"}")
            done < <("${COMP_WORDS[0]:-bsgkit}" "[suggest:${#line}]" "$line" 2>/dev/null)
        }
        complete -o default -F _bsgkit_complete bsgkit

        """;

    private const string Zsh = """
        #compdef bsgkit
        # zsh completion for bsgkit: source <(bsgkit completion zsh) after compinit
        # (or save it as _bsgkit in a directory of $fpath)
        _bsgkit() {
            local -a typed
            typed=("${(@)words[2,CURRENT]}")
            local line="bsgkit ${(j: :)typed}"
            local -a candidates
            candidates=("${(@f)$("${words[1]}" "[suggest:${#line}]" "$line" 2>/dev/null)}")
            candidates=(${candidates:#})
            if (( ${#candidates} )); then
                compadd -Q -- "${candidates[@]}"
            else
                _files
            fi
        }
        if (( $+functions[compdef] )); then compdef _bsgkit bsgkit; fi

        """;

    private const string Fish = """
        # fish completion for bsgkit: bsgkit completion fish | source
        # (or save it as ~/.config/fish/completions/bsgkit.fish)
        function __bsgkit_complete
            set -l tokens (commandline -opc)
            set -e tokens[1]
            set -l line (string join -- ' ' bsgkit $tokens (commandline -ct))
            bsgkit "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c bsgkit -f -a '(__bsgkit_complete)'

        """;
}
