//go:build linux

package analyzer

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"os"
	"syscall"
	"unsafe"
)

// readFile returns the contents and permission bits of the file at path
// with four system calls (open, fstat, read, close). os.Open adds a second fstat to decide
// whether to register the descriptor with the poller, and reading until
// io.EOF adds a read: on a large tree those calls cost as much CPU as
// parsing a tenth of the files.
//
// The calls are raw (syscall.RawSyscall): from the page cache they
// return in microseconds, and the scheduler's bookkeeping around a
// system call let its monitor thread take the walk's processor away in
// the middle of many of them, waking every 20 µs to do so: on
// home-manager that was 600 more context switches and a tenth more CPU.
// A read that has to wait for the disk keeps its processor instead; the
// walk then waits for the disk in any case.
func readFile(path string) ([]byte, fs.FileMode, error) {
	text, _, mode, err := readFileAt(atCWD, path, path, &textArena{})
	return text, mode, err
}

// atCWD makes openat resolve a relative name from the working directory.
const atCWD = -0x64

// readIn is readFile of the file name in the open directory dir (path
// names it in errors), into memory from texts (see readFileAt; chunk is
// the textChunk the text is in, if any). Opening a name relative to its directory spares
// the kernel the lookup of every parent directory, which costs as much
// as the rest of the open.
func readIn(dir *os.File, name, path string, texts *textArena) (text []byte, chunk *textChunk, mode fs.FileMode, err error) {
	rc, err := dir.SyscallConn()
	if err != nil {
		return nil, nil, 0, err
	}
	if cerr := rc.Control(func(fd uintptr) { text, chunk, mode, err = readFileAt(int(fd), name, path, texts) }); cerr != nil {
		return nil, nil, 0, cerr
	}
	return text, chunk, mode, err
}

// openIn opens the directory name in the open directory dir (path names
// it), relative to dir as readIn does.
func openIn(dir *os.File, name, path string) (*os.File, error) {
	rc, err := dir.SyscallConn()
	if err != nil {
		return nil, err
	}
	fd := -1
	if cerr := rc.Control(func(dirfd uintptr) {
		err = ignoringEINTR(func() (err error) {
			fd, err = rawOpenat(int(dirfd), name, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC)
			return err
		})
	}); cerr != nil {
		return nil, cerr
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}

// readFileAt reads the file name relative to the directory descriptor
// dirfd (or atCWD) into memory from texts (see readInto); path names the
// file in errors.
func readFileAt(dirfd int, name, path string, texts *textArena) ([]byte, *textChunk, fs.FileMode, error) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = rawOpenat(dirfd, name, syscall.O_RDONLY|syscall.O_CLOEXEC)
		return err
	})
	if err != nil {
		return nil, nil, 0, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.RawSyscall(syscall.SYS_CLOSE, uintptr(fd), 0, 0)
	if texts.chunked() {
		text, chunk, err := readInto(fd, texts)
		if err != nil {
			return nil, nil, 0, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		return text, chunk, 0, nil
	}
	var st syscall.Stat_t
	if err := ignoringEINTR(func() error {
		_, err := rawResult(syscall.RawSyscall(syscall.SYS_FSTAT, uintptr(fd), uintptr(unsafe.Pointer(&st)), 0))
		return err
	}); err != nil {
		return nil, nil, 0, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	// A regular file read up to the size fstat gave is done; files that
	// report no size (or grew) are read until a read returns 0.
	size := int(st.Size)
	text, err := readRest(fd, make([]byte, 0, max(size, 512)), size)
	if err != nil {
		return nil, nil, 0, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return text, nil, fs.FileMode(st.Mode) & fs.ModePerm, nil
}

// readInto reads the open file fd into the room of texts' chunk, without
// asking its size (fstat is a tenth of the system calls of a walk): a
// read that fills less than the room read the whole file, as a read of a
// regular file returns less than asked only at its end. A file that fills
// the room is read on into memory of its own. Its permission bits are not
// known: only a run that fixes files needs them, and it has no chunks.
func readInto(fd int, texts *textArena) ([]byte, *textChunk, error) {
	room := texts.room()
	n, err := rawRead(fd, room)
	if err != nil {
		return nil, nil, err
	}
	if n < len(room) {
		text, chunk := texts.commit(n)
		return text, chunk, nil
	}
	text, err := readRest(fd, append(make([]byte, 0, 2*n), room...), -1)
	return text, nil, err
}

// readRest appends the rest of the open file fd to buf until a read
// returns 0, or until buf holds size bytes (size > 0).
func readRest(fd int, buf []byte, size int) ([]byte, error) {
	for len(buf) != size || size <= 0 {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := rawRead(fd, buf[len(buf):cap(buf)])
		if err != nil {
			return nil, err
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	return buf, nil
}

// rawRead is read(2) made raw (see readFile) into b.
func rawRead(fd int, b []byte) (n int, err error) {
	err = ignoringEINTR(func() (err error) {
		n, err = rawResult(syscall.RawSyscall(syscall.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b))))
		return err
	})
	return n, err
}

func ignoringEINTR(call func() error) error {
	for {
		if err := call(); err != syscall.EINTR {
			return err
		}
	}
}

// rawOpenat is syscall.Openat made raw (see readFile).
func rawOpenat(dirfd int, name string, flags int) (int, error) {
	p, err := syscall.BytePtrFromString(name)
	if err != nil {
		return -1, err
	}
	return rawResult(syscall.RawSyscall6(syscall.SYS_OPENAT, uintptr(dirfd), uintptr(unsafe.Pointer(p)), uintptr(flags), 0, 0, 0))
}

// rawResult is the result of a raw system call, or its errno as an
// error. The calls convert their pointers to uintptr in the argument
// list of syscall.RawSyscall itself, which keeps what they point to
// alive and in place until it returns.
func rawResult(r, _ uintptr, errno syscall.Errno) (int, error) {
	if errno != 0 {
		return -1, errno
	}
	return int(r), nil
}

// listDir returns the entries of the open directory dir, at path, as
// os.File.ReadDir does, but listed by getdents64 made raw (see readFile)
// into *buf, which the walk reuses from directory to directory. An
// entry whose type the file system does not report is looked up with
// lstat.
func listDir(dir *os.File, path string, buf *[]byte) ([]fs.DirEntry, error) {
	rc, err := dir.SyscallConn()
	if err != nil {
		return nil, err
	}
	if *buf == nil {
		*buf = make([]byte, 16<<10)
	}
	var entries []fs.DirEntry
	if cerr := rc.Control(func(fd uintptr) {
		b := *buf
		for {
			var n int
			n, err = rawResult(syscall.RawSyscall(syscall.SYS_GETDENTS64, fd, uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b))))
			if err == syscall.EINTR {
				continue
			}
			if err != nil || n <= 0 {
				return
			}
			entries, err = appendDirents(entries, b[:n], path)
			if err != nil {
				return
			}
		}
	}); cerr != nil {
		return nil, cerr
	}
	if err != nil {
		return nil, &fs.PathError{Op: "readdirent", Path: path, Err: err}
	}
	return entries, nil
}

// appendDirents appends the entries of the linux_dirent64 records in
// recs, but for "." and "..".
func appendDirents(entries []fs.DirEntry, recs []byte, dir string) ([]fs.DirEntry, error) {
	const nameOffset = 19 // after d_ino, d_off, d_reclen and d_type
	for len(recs) > 0 {
		if len(recs) < nameOffset {
			return entries, syscall.EIO
		}
		reclen := int(binary.NativeEndian.Uint16(recs[16:18]))
		if reclen < nameOffset || reclen > len(recs) {
			return entries, syscall.EIO
		}
		typ, name := recs[18], recs[nameOffset:reclen]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		recs = recs[reclen:]
		if string(name) == "." || string(name) == ".." {
			continue
		}
		e := &dirent{dir: dir, name: string(name)}
		switch typ {
		case syscall.DT_DIR:
			e.typ = fs.ModeDir
		case syscall.DT_REG:
			e.typ = 0
		case syscall.DT_LNK:
			e.typ = fs.ModeSymlink
		case syscall.DT_FIFO:
			e.typ = fs.ModeNamedPipe
		case syscall.DT_SOCK:
			e.typ = fs.ModeSocket
		case syscall.DT_CHR:
			e.typ = fs.ModeDevice | fs.ModeCharDevice
		case syscall.DT_BLK:
			e.typ = fs.ModeDevice
		default:
			info, err := os.Lstat(joinEntry(dir, e.name))
			if err != nil {
				if os.IsNotExist(err) {
					continue // removed since it was listed
				}
				return entries, err
			}
			e.typ = info.Mode().Type()
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// dirent is an entry listDir read.
type dirent struct {
	dir, name string
	typ       fs.FileMode
}

func (e *dirent) Name() string               { return e.name }
func (e *dirent) IsDir() bool                { return e.typ.IsDir() }
func (e *dirent) Type() fs.FileMode          { return e.typ }
func (e *dirent) Info() (fs.FileInfo, error) { return os.Lstat(joinEntry(e.dir, e.name)) }
