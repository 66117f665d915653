package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/kg/schema"
)

// DefaultMaxBody is the largest request body /query reads, in bytes. The
// parser's token limit stops long documents early; this stops huge bodies
// (variables included) before they are read into memory.
const DefaultMaxBody = 1 << 20

// conform adjusts gqlgen's HTTP responses to the GraphQL-over-HTTP
// specification (https://graphql.github.io/graphql-over-http/draft/) where
// gqlgen departs from it. gqlgen writes a 4xx status for request errors
// (parse, validation, variable coercion, our limits, unreadable JSON) but
// always includes "data": null. The specification says:
//
//   - a request error, found before execution starts, has no "data" entry;
//   - with the legacy application/json media type the status is 200 for any
//     well-formed request, so gqlgen's 422 becomes 200 (400 for unreadable
//     JSON stays, as the specification recommends);
//   - with application/graphql-response+json a request error is a 4xx
//     (gqlgen already answers 400);
//   - a request without a query is malformed (400), and an operation that
//     needs the API key and lacks it is 401, in both media types.
//
// Only responses with a 4xx/5xx status are buffered and rewritten; ordinary
// answers stream through untouched. Bodies above maxBody are refused with
// 413 before gqlgen reads them.
func conform(next http.Handler, maxBody int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.ContentLength > maxBody {
			writeRequestError(w, req, http.StatusRequestEntityTooLarge, "request body larger than "+strconv.FormatInt(maxBody, 10)+" bytes")
			return
		}
		body := &limitedBody{}
		if req.Body != nil {
			body.ReadCloser = http.MaxBytesReader(w, req.Body, maxBody)
			req.Body = body
		}
		cw := &conformWriter{ResponseWriter: w, body: body}
		next.ServeHTTP(cw, req)
		cw.finish()
	})
}

// conformWriter holds back a response whose status marks a request error so
// that finish can rewrite it.
type conformWriter struct {
	http.ResponseWriter
	body   *limitedBody // to answer 413 when the body was cut
	status int          // status gqlgen asked for; 0 until WriteHeader or Write
	held   bool         // true when the response is buffered for rewriting
	buf    bytes.Buffer // the held body
}

func (c *conformWriter) WriteHeader(code int) {
	if c.status != 0 {
		return
	}
	if c.body.tooLarge {
		code = http.StatusRequestEntityTooLarge
	}
	c.status = code
	if code >= 400 {
		c.held = true
		return
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *conformWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.WriteHeader(http.StatusOK)
	}
	if c.held {
		return c.buf.Write(b)
	}
	return c.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (c *conformWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }

// finish sends a held response without its "data" entry and with the
// status the rules at conform give.
func (c *conformWriter) finish() {
	if !c.held {
		return
	}
	status := c.status
	body := c.buf.Bytes()
	mt, _, _ := mime.ParseMediaType(c.Header().Get("Content-Type"))
	if status == http.StatusUnprocessableEntity || status == http.StatusBadRequest { // gqlgen's request errors
		switch code := firstCode(body); {
		case code == schema.CodeUnauthorized:
			status = http.StatusUnauthorized
			c.Header().Set("WWW-Authenticate", `Bearer realm="kg"`)
		case code == codeMalformed:
			status = http.StatusBadRequest
		case mt == "application/json" && status == http.StatusUnprocessableEntity:
			status = http.StatusOK
		}
	}
	if mt == "application/json" || mt == mediaGraphQLResponse {
		body = dropData(body)
		c.Header().Set("Content-Length", strconv.Itoa(len(body)))
	}
	c.ResponseWriter.WriteHeader(status)
	c.ResponseWriter.Write(body) //nolint:errcheck // the client went away; nothing to do
}

const mediaGraphQLResponse = "application/graphql-response+json"

// dropData removes the top-level "data" entry of a GraphQL response body; a
// body that is not a JSON object is returned as is.
func dropData(body []byte) []byte {
	var resp map[string]json.RawMessage
	if err := json.Unmarshal(body, &resp); err != nil {
		return body
	}
	if _, ok := resp["data"]; !ok {
		return body
	}
	delete(resp, "data")
	out, err := json.Marshal(resp)
	if err != nil {
		return body
	}
	return out
}

// firstCode returns extensions.code of the first error of a response body.
func firstCode(body []byte) string {
	var resp struct {
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &resp) != nil || len(resp.Errors) == 0 {
		return ""
	}
	return resp.Errors[0].Extensions.Code
}

// writeRequestError answers a request refused before gqlgen sees it, in the
// media type the client accepts.
func writeRequestError(w http.ResponseWriter, req *http.Request, status int, msg string) {
	ct := "application/json"
	if accepts(req, mediaGraphQLResponse) {
		ct = mediaGraphQLResponse
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{ //nolint:errcheck // best effort
		"message": msg, "extensions": map[string]any{"code": schema.CodeInvalid},
	}}})
}

// accepts reports whether the Accept header names media type mt.
func accepts(req *http.Request, mt string) bool {
	for _, part := range req.Header.Values("Accept") {
		for _, a := range strings.Split(part, ",") {
			if m, _, err := mime.ParseMediaType(strings.TrimSpace(a)); err == nil && m == mt {
				return true
			}
		}
	}
	return false
}

// limitedBody remembers that http.MaxBytesReader cut the body, which gqlgen
// reports as an unreadable body with status 200.
type limitedBody struct {
	io.ReadCloser
	tooLarge bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	var mbe *http.MaxBytesError
	if err != nil && errors.As(err, &mbe) {
		b.tooLarge = true
	}
	return n, err
}

// requireQuery refuses a request without a query (and without a persisted
// query the APQ extension, which runs first, could fill in) as malformed:
// status 400 in both media types, where gqlgen would report a validation
// error ("no operation provided").
type requireQuery struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = requireQuery{}

// ExtensionName names the extension for gqlgen.
func (requireQuery) ExtensionName() string { return "RequireQuery" }

// Validate accepts any schema.
func (requireQuery) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters refuses an empty query.
func (requireQuery) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	if strings.TrimSpace(p.Query) != "" {
		return nil
	}
	err := gqlerror.Errorf(`the request has no query: send {"query": "{ ... }"} (POST) or ?query=... (GET)`)
	errcode.Set(err, codeMalformed)
	return err
}

// codeMalformed marks a request that is not a GraphQL request at all; conform
// answers it with 400 whatever the media type. It is schema.CodeInvalid, so
// clients see one code for "you sent something unusable".
const codeMalformed = schema.CodeInvalid

func init() {
	errcode.RegisterErrorType(codeMalformed, errcode.KindProtocol)
}
