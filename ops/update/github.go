package update

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
)

// defaultGitHubAPI is used when [update] github-api is not set.
const defaultGitHubAPI = "https://api.github.com"

// repoRE matches the argument of --version-from.
var repoRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^github:([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)$`) })

// latestRelease returns the version of the latest release of the
// repository named by from (github:OWNER/REPO): its tag without a
// leading "v" before a digit. GITHUB_TOKEN, when set, authenticates the
// request (for rate limits and private repositories).
func latestRelease(ctx context.Context, client *http.Client, apiBase, from string) (string, error) {
	m := repoRE().FindStringSubmatch(from)
	if m == nil {
		return "", fmt.Errorf("--version-from %q: want github:OWNER/REPO", from)
	}
	if apiBase == "" {
		apiBase = defaultGitHubAPI
	}
	url := strings.TrimSuffix(apiBase, "/") + "/repos/" + m[1] + "/" + m[2] + "/releases/latest"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Accept", "application/vnd.github+json")
	if token := os.Getenv("GITHUB_TOKEN"); token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("latest release of %s/%s: %w", m[1], m[2], err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", fmt.Errorf("latest release of %s/%s: %w", m[1], m[2], err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("latest release of %s/%s: GET %s: %s: %s", m[1], m[2], url, resp.Status, strings.TrimSpace(string(body)))
	}
	var release struct {
		TagName string `json:"tag_name"`
	}
	if err := json.Unmarshal(body, &release); err != nil || release.TagName == "" {
		return "", fmt.Errorf("latest release of %s/%s: GET %s: no tag_name in the response", m[1], m[2], url)
	}
	return versionOfTag(release.TagName), nil
}

// versionOfTag strips the "v" of tags such as v1.2.3.
func versionOfTag(tag string) string {
	if len(tag) > 1 && (tag[0] == 'v' || tag[0] == 'V') && tag[1] >= '0' && tag[1] <= '9' {
		return tag[1:]
	}
	return tag
}
