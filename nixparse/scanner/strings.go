package scanner

import "github.com/nixaudit/nixaudit/nixparse/ast"

// scanString scans one token inside "…": the closing quote, "${", or a
// literal run. The run follows lexer.l's
// ([^\$\"\\]|\$[^\{\"\\]|\\{ANY}|\$\\{ANY})+ and its variant that takes a
// '$' right before the closing quote. Bytes the run cannot take at the end
// of input ('$', '\', "$\") become a last STRING_TEXT token, where Nix
// reports the unterminated string.
func (s *scanner) scanString(i int) int {
	src := s.src
	n := len(src)
	switch {
	case src[i] == '"':
		return s.closeString(i)
	case src[i] == '$' && at(src, i+1) == '{':
		s.push(stDefault)
		s.emit(ast.INTERP_OPEN, i, i+2)
		return i + 2
	}
	j := i
run:
	for j < n {
		if j = skipPlain(src, j, '"', '\\', '$'); j >= n {
			break
		}
		switch src[j] {
		case '"':
			break run
		case '\\':
			if j+1 >= n {
				break run
			}
			j += 2
		case '$':
			if j+1 >= n {
				break run
			}
			switch src[j+1] {
			case '{', '"':
				break run
			case '\\':
				if j+2 >= n {
					break run
				}
				j += 3
			default:
				j += 2
			}
		default:
			j++
		}
	}
	if at(src, j) == '$' && at(src, j+1) == '"' {
		j++
	}
	if j == i {
		j = n
	}
	s.emit(ast.STRING_TEXT, i, j)
	if at(src, j) == '"' {
		// Most runs end their string: close it without another round
		// of run.
		return s.closeString(j)
	}
	return j
}

// closeString emits the '"' at i that closes a string.
func (s *scanner) closeString(i int) int {
	s.pop()
	s.emit(ast.STRING_CLOSE, i, i+1)
	return i + 1
}

// scanIndString scans one token inside ”…”: an escape (”$, ”', ”\x),
// the closing ”, "${", a lone '$' or '\”, or a literal run
// ([^\$\']|\$[^\{\']|\'[^\'\$])+.
func (s *scanner) scanIndString(i int) int {
	src := s.src
	n := len(src)
	c := src[i]
	if c == '\'' && at(src, i+1) == '\'' {
		if i+2 < n {
			switch src[i+2] {
			case '$', '\'':
				s.emit(ast.STRING_TEXT, i, i+3)
				return i + 3
			case '\\':
				if i+3 < n {
					s.emit(ast.STRING_TEXT, i, i+4)
					return i + 4
				}
			}
		}
		s.pop()
		s.emit(ast.IND_CLOSE, i, i+2)
		return i + 2
	}
	if c == '$' && at(src, i+1) == '{' {
		s.push(stDefault)
		s.emit(ast.INTERP_OPEN, i, i+2)
		return i + 2
	}
	j := i
	for j < n {
		j = skipPlain2(src, j, '\'', '$')
		if j >= n {
			break
		}
		switch src[j] {
		case '$':
			if j+1 < n && src[j+1] != '{' && src[j+1] != '\'' {
				j += 2
				continue
			}
		case '\'':
			if j+1 < n && src[j+1] != '\'' && src[j+1] != '$' {
				j += 2
				continue
			}
		default:
			j++
			continue
		}
		break
	}
	if j == i {
		j = i + 1
	}
	s.emit(ast.STRING_TEXT, i, j)
	return j
}

// scanInPath scans one token after a path piece: "${", another piece
// ({PATH}|{PATH_SEG}|{PATH_CHAR}+), or, at any other byte, the zero-width
// PATH_END, reporting a trailing slash first when the path ends in '/'.
func (s *scanner) scanInPath(i int) int {
	src := s.src
	if src[i] == '$' && at(src, i+1) == '{' {
		s.replace(stInPath)
		s.push(stDefault)
		s.emit(ast.INTERP_OPEN, i, i+2)
		return i + 2
	}
	j := span(src, i, &pathChar)
	end := j
	if at(src, j) == '/' {
		if k := pathSegments(src, j); k > j {
			end = k
		} else {
			end = j + 1
		}
	}
	if end > i {
		s.pop()
		s.pushPath(end)
		s.emit(ast.PATH, i, end)
		return end
	}
	if s.top() == stInPathSlash {
		s.trailingSlash(i)
	}
	s.pop()
	s.emit(ast.PATH_END, i, i)
	return i
}
