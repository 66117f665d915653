package schema

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The GraphQL error presenter maps them to
// extensions.code; the CLI prints the message. Anything that is not an *Error
// is reported to users as INTERNAL and its detail only logged.
const (
	CodeInvalid      = "INVALID_INPUT"     // the caller sent something unusable
	CodeNotFound     = "NOT_FOUND"         // no such article, entity, statement
	CodeUnauthorized = "UNAUTHORIZED"      // missing or wrong API key
	CodeUnavailable  = "STORE_UNAVAILABLE" // the store cannot be opened or reached
	CodeTooComplex   = "QUERY_TOO_COMPLEX"
	CodeInternal     = "INTERNAL"
)

// Error is the one error type with a code. Message is safe to show to users;
// Err, when set, is the underlying cause and is only logged.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the cause so errors.Is/As see through an *Error.
func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error with a formatted, user-facing message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or
// CodeInternal when there is none.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}
