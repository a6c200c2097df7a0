# bash completion for rxplore(1): commands, options, topic ids and section names.
#
# Topic ids come from `rxplore list`, run with the --content and
# --no-default-packs options already on the command line, so a pack being
# written completes too.  Works with or without the bash-completion package.

_rxplore_commands='list show search check packs compare stats confusions quiz progress import export fsrs cache exam'
_rxplore_options='--content --no-default-packs --no-cache --plain --no-color --no-colour --no-mouse --width --strict
	--profile --format --diff-only --mode --topic --contrast --count --minutes --seed --type --yes --output --help --version
	--log --rollover --tz --json'
_rxplore_sections='summary mechanism uses side-effects dependence confusion interactions safety
	pharmacokinetics diagram facts sources'

# True when $1 is an option that takes the next word as its value.
_rxplore_takes_value()
{
	case $1 in
	--content | --width | --profile | --format | --mode | --topic | --contrast | --count | --minutes | --seed | --type | -o | --output | \
	--log | --rollover | --tz)
		return 0 ;;
	esac
	return 1
}

# Topic ids, from the rxplore being completed and the packs chosen so far.
_rxplore_topics()
{
	local rx=${COMP_WORDS[0]}
	rx=${rx/#\~/$HOME}
	command -v -- "$rx" >/dev/null 2>&1 || rx=rxplore
	"$rx" "${_rxplore_pack_args[@]}" list 2>/dev/null | while read -r id _; do
		printf '%s\n' "$id"
	done
}

# Profile names that already have a progress database.
_rxplore_profiles()
{
	local state=${XDG_STATE_HOME:-$HOME/.local/state} db name
	[[ $state == /* ]] || state=$HOME/.local/state
	for db in "$state"/rxplore/progress-*.db; do
		[[ -e $db ]] || continue
		name=${db##*/progress-}
		printf '%s\n' "${name%.db}"
	done
}

# Sets COMPREPLY to the words of $1 (none of them has a space) that start with $2.
_rxplore_offer()
{
	local IFS=$' \t\n'
	COMPREPLY=($(compgen -W "$1" -- "$2"))
}

# Sets COMPREPLY to the folders (with $1 = dirs) or files that start with $2.
_rxplore_files()
{
	local IFS=$'\n'
	compopt -o filenames 2>/dev/null
	if [[ $1 == dirs ]]; then
		COMPREPLY=($(compgen -d -- "$2"))
	else
		COMPREPLY=($(compgen -f -- "$2"))
	fi
}

# Completes the value of option $1 (returns 1 when $1 takes no value).
_rxplore_value()
{
	case $1 in
	--content) _rxplore_files dirs "$cur" ;;
	-o | --output | --log) _rxplore_files files "$cur" ;;
	--format)
		if [[ $command == export ]]; then
			_rxplore_offer 'anki md html json' "$cur"
		elif [[ $command == progress ]]; then
			_rxplore_offer 'csv db' "$cur"
		else
			_rxplore_offer 'text md tsv' "$cur"
		fi ;;
	--mode) _rxplore_offer 'practice review exam cram mistakes mistakes-week weakest' "$cur" ;;
	--type) _rxplore_offer 'single multi true-false typed cloze case' "$cur" ;;
	--topic) _rxplore_offer "$(_rxplore_topics)" "$cur" ;;
	--profile) _rxplore_offer "$(_rxplore_profiles)" "$cur" ;;
	--width | --count | --minutes | --seed | --rollover | --tz) ;;
	*) return 1 ;;
	esac
	return 0
}

# Completes a word that is not an option's value.
_rxplore_word()
{
	if [[ $cur == -* ]]; then
		local options=$_rxplore_options
		[[ $command == export || $command == import || $command == progress ]] && options+=' -o'
		_rxplore_offer "$options" "$cur"
		return
	fi
	case $command in
	'') _rxplore_offer "$_rxplore_commands" "$cur" ;;
	show)
		if ((nargs == 0)); then
			_rxplore_offer "$(_rxplore_topics)" "$cur"
		elif ((nargs == 1)); then
			_rxplore_offer "$_rxplore_sections" "$cur"
		fi ;;
	compare)
		if ((nargs < 4)); then
			_rxplore_offer "$(_rxplore_topics)" "$cur"
		fi ;;
	export) _rxplore_offer "$(_rxplore_topics)" "$cur" ;;
	check) _rxplore_files files "$cur" ;;
	import)
		if ((nargs == 0)); then
			_rxplore_files files "$cur"
		fi ;;
	progress)
		if ((nargs == 0)); then
			_rxplore_offer 'export merge reset' "$cur"
		elif ((nargs == 1)) && [[ ${COMP_WORDS[COMP_CWORD - 1]} == merge ]]; then
			_rxplore_files files "$cur"
		fi ;;
	fsrs)
		if ((nargs == 0)); then
			_rxplore_offer 'fit reset' "$cur"
		fi ;;
	cache)
		if ((nargs == 0)); then
			_rxplore_offer 'clear' "$cur"
		fi ;;
	exam)
		if ((nargs == 0)); then
			_rxplore_offer 'set clear' "$cur"
		fi ;;
	esac
}

_rxplore()
{
	COMPREPLY=()
	local cur=${COMP_WORDS[COMP_CWORD]} prev= prefix=
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# bash splits --opt=value at '=' (COMP_WORDBREAKS has it): complete the
	# value.  Without that split, the word is completed whole, option and all.
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		prefix=$prev=
		cur=${cur#*=}
	fi

	# The command, how many arguments it has so far, and the pack options,
	# from the words before the cursor.
	local command= word value i nargs=0
	local -a _rxplore_pack_args=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		word=${COMP_WORDS[i]}
		value=
		if [[ $word == --*=* ]]; then
			value=${word#*=}
			word=${word%%=*}
		elif _rxplore_takes_value "$word" && ((i + 1 < COMP_CWORD)); then
			if [[ ${COMP_WORDS[i + 1]} == = ]] && ((i + 2 < COMP_CWORD)); then
				value=${COMP_WORDS[i + 2]}
				((i += 2))
			else
				value=${COMP_WORDS[i + 1]}
				((i++))
			fi
		fi
		case $word in
		--content) _rxplore_pack_args+=(--content "${value/#\~/$HOME}") ;;
		--no-default-packs) _rxplore_pack_args+=(--no-default-packs) ;;
		-*) ;;
		*)
			if [[ -z $command ]]; then
				command=$word
			else
				((nargs++))
			fi ;;
		esac
	done

	if [[ -n $prefix ]] || _rxplore_takes_value "$prev"; then
		_rxplore_value "$prev"
	else
		_rxplore_word
	fi
	if [[ -n $prefix ]] && ((${#COMPREPLY[@]})); then
		COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
	fi
	return 0
}

complete -F _rxplore rxplore
