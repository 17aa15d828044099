using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;

namespace BsgKit.Simulator.Scenarios;

/// <summary>The kinds of token <see cref="ScenarioJsonTokens"/> stops on (System.Text.Json's names).</summary>
internal enum ScenarioJsonToken
{
    None,
    StartObject,
    EndObject,
    StartArray,
    EndArray,
    PropertyName,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// The JSON tokens of a scenario, for <see cref="ScenarioReader"/>: what Utf8JsonReader (comments skipped, trailing
/// commas allowed) gives, in plain precompiled loops. Why: Utf8JsonReader's first property name costs a --simulate start
/// more than the rest of the scenario's reading together (its helpers' static search tables, vectorised code compiled
/// at run time). It takes only a subset of what Utf8JsonReader takes — the rest (a string escape beyond the simple
/// ones, non-ASCII in a comment, a lone surrogate, nesting deeper than 64, anything malformed) throws
/// <see cref="FormatException"/>, and the scenario is left to System.Text.Json, which reads it or names the error.
/// Numbers are parsed as Utf8JsonReader parses them (Utf8Parser, the whole token).
/// </summary>
internal ref struct ScenarioJsonTokens
{
    private const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _json;
    private int _pos;
    private int _depth;
    // One bit per open container: set for an object. Depth is at most 64.
    private ulong _objects;
    // What may come next inside the current container (or at the root).
    private bool _afterValue;   // a value (or a property's value) just ended: ',' or the container's end
    private bool _rootDone;
    private int _valueStart, _valueLength;
    private bool _escaped;

    public ScenarioJsonTokens(ReadOnlySpan<byte> json)
    {
        _json = json;
        TokenType = ScenarioJsonToken.None;
    }

    /// <summary>The token the last <see cref="Read"/> stopped on.</summary>
    public ScenarioJsonToken TokenType { get; private set; }

    private readonly bool InObject => _depth > 0 && (_objects & (1UL << (_depth - 1))) != 0;

    /// <summary>Steps onto the next token; false after the root value (only whitespace and comments left).</summary>
    public bool Read()
    {
        SkipTrivia();
        if (_rootDone)
        {
            if (_pos < _json.Length) throw new FormatException("content after the root value");
            return false;
        }
        if (_pos >= _json.Length) throw new FormatException("unexpected end");
        var b = _json[_pos];

        if (TokenType == ScenarioJsonToken.PropertyName)
        {
            // name ':' value
            if (b != (byte)':') throw new FormatException("expected ':'");
            _pos++;
            SkipTrivia();
            if (_pos >= _json.Length) throw new FormatException("unexpected end");
            ReadValue(_json[_pos]);
            return true;
        }

        if (_afterValue)
        {
            if (_depth == 0) throw new FormatException("content after the root value");
            if (b == (byte)',')
            {
                _pos++;
                _afterValue = false;
                SkipTrivia();
                if (_pos >= _json.Length) throw new FormatException("unexpected end");
                b = _json[_pos];
            }
            else if (b == (byte)'}' || b == (byte)']')
            {
                EndContainer(b);
                return true;
            }
            else throw new FormatException("expected ',' or the end of the container");
        }

        if (b == (byte)'}' || b == (byte)']')
        {
            // Right after the opening bracket, or after a trailing comma (allowed): not at the root, not after ':'.
            if (_depth == 0) throw new FormatException("unexpected end of container");
            EndContainer(b);
            return true;
        }
        if (InObject)
        {
            if (b != (byte)'"') throw new FormatException("expected a property name");
            ReadString();
            TokenType = ScenarioJsonToken.PropertyName;
            return true;
        }
        ReadValue(b);
        return true;
    }

    private void EndContainer(byte b)
    {
        var isObject = InObject;
        if (isObject != (b == (byte)'}')) throw new FormatException("mismatched bracket");
        _pos++;
        _depth--;
        _objects &= ~(1UL << _depth);
        TokenType = isObject ? ScenarioJsonToken.EndObject : ScenarioJsonToken.EndArray;
        ValueEnded();
    }

    private void ValueEnded()
    {
        _afterValue = true;
        if (_depth == 0) _rootDone = true;
    }

    private void ReadValue(byte b)
    {
        switch (b)
        {
            case (byte)'{':
            case (byte)'[':
                if (_depth >= MaxDepth) throw new FormatException("nested too deep");
                if (b == (byte)'{') _objects |= 1UL << _depth;
                _depth++;
                _pos++;
                _afterValue = false;
                TokenType = b == (byte)'{' ? ScenarioJsonToken.StartObject : ScenarioJsonToken.StartArray;
                return;
            case (byte)'"':
                ReadString();
                TokenType = ScenarioJsonToken.String;
                break;
            case (byte)'t':
                Literal("true"u8);
                TokenType = ScenarioJsonToken.True;
                break;
            case (byte)'f':
                Literal("false"u8);
                TokenType = ScenarioJsonToken.False;
                break;
            case (byte)'n':
                Literal("null"u8);
                TokenType = ScenarioJsonToken.Null;
                break;
            default:
                ReadNumber();
                TokenType = ScenarioJsonToken.Number;
                break;
        }
        ValueEnded();
    }

    private void Literal(ReadOnlySpan<byte> word)
    {
        if (!_json[_pos..].StartsWith(word)) throw new FormatException("unknown literal");
        _pos += word.Length;
        EnsureDelimiter();
    }

    /// <summary>-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, then a delimiter.</summary>
    private void ReadNumber()
    {
        var start = _pos;
        if (At((byte)'-')) _pos++;
        if (At((byte)'0')) _pos++;
        else if (AtDigit()) while (AtDigit()) _pos++;
        else throw new FormatException("not a number");
        if (At((byte)'.'))
        {
            _pos++;
            if (!AtDigit()) throw new FormatException("digits expected after '.'");
            while (AtDigit()) _pos++;
        }
        if (At((byte)'e') || At((byte)'E'))
        {
            _pos++;
            if (At((byte)'+') || At((byte)'-')) _pos++;
            if (!AtDigit()) throw new FormatException("digits expected in the exponent");
            while (AtDigit()) _pos++;
        }
        _valueStart = start;
        _valueLength = _pos - start;
        _escaped = false;
        EnsureDelimiter();
    }

    private readonly bool At(byte b) => _pos < _json.Length && _json[_pos] == b;

    private readonly bool AtDigit() => _pos < _json.Length && _json[_pos] - (uint)'0' <= 9;

    /// <summary>After a number or literal: the end, whitespace, a comment, ',', ']' or '}'.</summary>
    private readonly void EnsureDelimiter()
    {
        if (_pos >= _json.Length) return;
        switch (_json[_pos])
        {
            case (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)']' or (byte)'}' or (byte)'/': return;
            default: throw new FormatException("unexpected character after a value");
        }
    }

    /// <summary>A string token: the text between the quotes (escapes are resolved by <see cref="GetString"/>).</summary>
    private void ReadString()
    {
        var start = ++_pos;
        var escaped = false;
        while (true)
        {
            if (_pos >= _json.Length) throw new FormatException("unterminated string");
            var b = _json[_pos];
            if (b == (byte)'"') break;
            if (b < 0x20) throw new FormatException("control character in a string");
            if (b == (byte)'\\')
            {
                escaped = true;
                _pos++; // the escaped character (checked when the string is read); a '"' here does not end the string
                if (_pos >= _json.Length) throw new FormatException("unterminated string");
            }
            _pos++;
        }
        _valueStart = start;
        _valueLength = _pos - start;
        _escaped = escaped;
        _pos++;
    }

    private void SkipTrivia()
    {
        while (_pos < _json.Length)
        {
            switch (_json[_pos])
            {
                case (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r':
                    _pos++;
                    break;
                case (byte)'/':
                    SkipComment();
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>
    /// // to the end of the line (\n or \r\n; a lone \r is System.Text.Json's to judge), or /* to */; ASCII only.
    /// </summary>
    private void SkipComment()
    {
        if (_pos + 1 >= _json.Length) throw new FormatException("unexpected '/'");
        var kind = _json[_pos + 1];
        _pos += 2;
        if (kind == (byte)'/')
        {
            for (; _pos < _json.Length; _pos++)
            {
                var b = _json[_pos];
                if (b == (byte)'\n') return;
                if (b == (byte)'\r' && _pos + 1 < _json.Length && _json[_pos + 1] == (byte)'\n') return; // CRLF: whitespace next
                if (b == (byte)'\r' || b >= 0x80) throw new FormatException("a comment this reader leaves alone");
            }
            return;
        }
        if (kind != (byte)'*') throw new FormatException("unexpected '/'");
        for (; _pos + 1 < _json.Length; _pos++)
        {
            var b = _json[_pos];
            if (b >= 0x80) throw new FormatException("a comment this reader leaves alone");
            if (b == (byte)'*' && _json[_pos + 1] == (byte)'/')
            {
                _pos += 2;
                return;
            }
        }
        throw new FormatException("unterminated comment");
    }

    private readonly ReadOnlySpan<byte> Value => _json.Slice(_valueStart, _valueLength);

    /// <summary>The text of a string or property name (valid UTF-8; escapes \" \\ \/ \b \f \n \r \t and \u outside the surrogates).</summary>
    public readonly string GetString()
    {
        if (TokenType is not (ScenarioJsonToken.String or ScenarioJsonToken.PropertyName)) throw new InvalidOperationException("not a string");
        var text = Value;
        if (!Utf8.IsValid(text)) throw new FormatException("not UTF-8");
        if (!_escaped) return Encoding.UTF8.GetString(text);
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOf((byte)'\\');
            if (next < 0)
            {
                sb.Append(Encoding.UTF8.GetString(text[i..]));
                break;
            }
            sb.Append(Encoding.UTF8.GetString(text.Slice(i, next)));
            i += next + 1;
            var e = text[i++];
            switch (e)
            {
                case (byte)'"': sb.Append('"'); break;
                case (byte)'\\': sb.Append('\\'); break;
                case (byte)'/': sb.Append('/'); break;
                case (byte)'b': sb.Append('\b'); break;
                case (byte)'f': sb.Append('\f'); break;
                case (byte)'n': sb.Append('\n'); break;
                case (byte)'r': sb.Append('\r'); break;
                case (byte)'t': sb.Append('\t'); break;
                case (byte)'u':
                    if (i + 4 > text.Length || !Utf8Parser.TryParse(text.Slice(i, 4), out ushort code, out var used, 'x') || used != 4)
                        throw new FormatException("bad \\u escape");
                    if (char.IsSurrogate((char)code)) throw new FormatException("a surrogate escape this reader leaves alone");
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: throw new FormatException("bad escape");
            }
        }
        return sb.ToString();
    }

    private readonly ReadOnlySpan<byte> Number =>
        TokenType == ScenarioJsonToken.Number ? Value : throw new InvalidOperationException("not a number");

    /// <summary>The number as an int, when the whole token is one.</summary>
    public readonly bool TryGetInt32(out int value)
    {
        var span = Number;
        if (Utf8Parser.TryParse(span, out value, out var used) && used == span.Length) return true;
        value = 0;
        return false;
    }

    /// <summary>The number as a uint, when the whole token is one.</summary>
    public readonly bool TryGetUInt32(out uint value)
    {
        var span = Number;
        if (Utf8Parser.TryParse(span, out value, out var used) && used == span.Length) return true;
        value = 0;
        return false;
    }

    /// <summary>The number as a ulong, when the whole token is one.</summary>
    public readonly bool TryGetUInt64(out ulong value)
    {
        var span = Number;
        if (Utf8Parser.TryParse(span, out value, out var used) && used == span.Length) return true;
        value = 0;
        return false;
    }

    /// <summary>The number as a double (±infinity beyond its range, as Utf8JsonReader gives), when the whole token is one.</summary>
    public readonly bool TryGetDouble(out double value)
    {
        var span = Number;
        if (Utf8Parser.TryParse(span, out value, out var used) && used == span.Length) return true;
        value = 0;
        return false;
    }
}
