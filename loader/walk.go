package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/kg/schema"
)

// goldSuffix marks the annotation files that sit beside articles in an
// evaluation corpus; they are not articles.
const goldSuffix = ".gold.json"

// Walk streams every article under paths, calling fn once per article or
// once per failure, in order: paths in the order given, the files of a
// folder recursively in lexical order. Hidden files and folders (whose name
// starts with a dot) inside a folder and gold annotation files (*.gold.json)
// anywhere are skipped; a hidden file named explicitly is read.
//
// A failure (a file that cannot be read, a bad file, a bad line of a JSON
// Lines file, a bad element of a JSON array) does not stop the walk: fn gets
// (nil, err), err being a *schema.Error with CodeInvalid that names the file,
// and the walk goes on. If fn returns a non-nil error the walk stops and Walk
// returns that error; otherwise Walk returns nil. JSON Lines files are read
// line by line, so memory stays bounded whatever their size.
//
// The path "-" is standard input, read with ReadStream under the name
// StdinName. A path that is a symbolic link to a folder is walked; links to
// folders inside a folder are not followed, so the walk cannot loop.
func Walk(paths []string, fn func(a *schema.Article, err error) error) error {
	for _, p := range paths {
		var err error
		if p == "-" {
			err = ReadStream(StdinName, os.Stdin, fn)
		} else {
			err = walkPath(p, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// StdinName is the name standard input is given in articles and messages.
const StdinName = "<stdin>"

func walkPath(root string, fn emitFunc) error {
	info, err := os.Stat(root)
	if err != nil {
		return fn(nil, openError(root, err))
	}
	if !info.IsDir() {
		if isGold(root) {
			return nil
		}
		return readFile(root, fn)
	}
	if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not enter a link; a trailing separator makes it.
		root += string(filepath.Separator)
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// The folder itself or an entry cannot be read: report it and
			// go on with the rest.
			if stop := fn(nil, openError(path, err)); stop != nil {
				return stop
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || isGold(path) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Follow a link to a file; links to folders are not followed,
			// which keeps the walk free of cycles.
			if st, err := os.Stat(path); err != nil || st.IsDir() {
				if err != nil {
					return fn(nil, openError(path, err))
				}
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil // sockets, devices, pipes
		}
		return readFile(path, fn)
	})
}

func isGold(path string) bool {
	return strings.HasSuffix(strings.ToLower(filepath.Base(path)), goldSuffix)
}
