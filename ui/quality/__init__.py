"""Quality station: certificates (issue, preview, print, revoke/reissue), material lots,
certificate templates and the verification screen."""
