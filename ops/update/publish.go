package update

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/nixaudit/nixaudit/ops/gate"
)

// defaultRemote is where --pr pushes when no remote is given.
const defaultRemote = "origin"

// publishFlake commits the updated lock and, with PR, opens a pull
// request; a lock with no changed input is left alone.
func publishFlake(ctx context.Context, s *session, c Common, lockPath string, rep *FlakeReport, now time.Time) error {
	changes := rep.changed()
	if len(changes) == 0 {
		return nil
	}
	message := flakeCommitMessage(changes)
	branch := "nixaudit/update-flake-lock-" + now.UTC().Format("20060102-150405")
	return publish(ctx, s, c, lockPath, message, branch, func(commit, pr string) {
		rep.Commit, rep.PullRequest = commit, pr
	})
}

// publish commits path with message and, with PR, pushes it to branch
// and opens a pull request whose title is the message's first line and
// whose body is the rest. done receives the commit and the pull request.
func publish(ctx context.Context, s *session, c Common, path, message, branch string, done func(commit, pr string)) error {
	commit, err := s.repo.commit(ctx, path, message)
	if err != nil {
		return gate.Failed(fmt.Errorf("committing: %w", err), fmt.Sprintf("%s is updated but not committed.", path))
	}
	var pr string
	if c.PR {
		remote := c.Remote
		if remote == "" {
			remote = defaultRemote
		}
		title, body, _ := strings.Cut(message, "\n")
		pr, err = s.repo.pullRequest(ctx, remote, branch, title, strings.TrimSpace(body))
		if err != nil {
			return gate.Failed(fmt.Errorf("opening the pull request: %w", err), fmt.Sprintf("The change is committed as %s; only the pull request is missing.", commit))
		}
	}
	done(commit, pr)
	return nil
}
