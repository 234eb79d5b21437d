#!/usr/bin/env bash
# Makes the testkit's test PKI with keytool only. Run once; the outputs are committed under
#   src/main/resources/dev/tokenkeeper/testkit/pki/
# and read from the classpath by dev.tokenkeeper.testkit.TestPki.
#
# TEST ONLY. Every store password is "changeit". Never trust this CA outside tests.
#
# What it makes:
#   truststore.p12            the test CA certificate (trusted entry "tokenkeeper-test-ca"), nothing else
#   server-localhost.p12      key + chain for SAN DNS:localhost, IP:127.0.0.1, IP:::1, signed by the test CA
#   server-wrong-host.p12     key + chain for SAN DNS:wrong.example.test only, signed by the test CA
#   server-untrusted-ca.p12   key + chain for the localhost SANs, signed by a second CA nobody trusts
#
# The CAs' private keys live in a temporary directory and are deleted at the end: nobody (not even
# this repository) can issue more certificates under the test CA. To change anything, rerun the
# script; it makes a new CA and every store at once.
#
# Validity is ~100 years (36500 days), starting a day before generation (tolerates a machine whose
# clock is a little behind), so the committed stores never expire under a test run.
set -euo pipefail

out_dir="$(cd "$(dirname "$0")/../resources/dev/tokenkeeper/testkit/pki" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pw=changeit
days=36500
kt() { keytool -noprompt -storetype PKCS12 "$@"; }

# make_ca <alias> <dname> <store>
make_ca() {
  kt -genkeypair -alias "$1" -keyalg RSA -keysize 2048 -sigalg SHA256withRSA -startdate -1d -validity "$days" \
     -dname "$2" -ext BC:critical=ca:true,pathlen:0 -ext KU:critical=keyCertSign,cRLSign \
     -keystore "$3" -storepass "$pw" -keypass "$pw"
  kt -exportcert -rfc -alias "$1" -keystore "$3" -storepass "$pw" -file "$work/$1.pem"
}

# make_server <store> <cn> <san> <ca-alias> <ca-store>
make_server() {
  local store="$work/$1" cn="$2" san="$3" ca="$4" ca_store="$5"
  kt -genkeypair -alias server -keyalg RSA -keysize 2048 -sigalg SHA256withRSA -startdate -1d -validity "$days" \
     -dname "CN=$cn, OU=tokenkeeper testkit, O=tokenkeeper" -keystore "$store" -storepass "$pw" -keypass "$pw"
  kt -certreq -alias server -keystore "$store" -storepass "$pw" -file "$work/server.csr"
  kt -gencert -alias "$ca" -keystore "$ca_store" -storepass "$pw" -infile "$work/server.csr" \
     -outfile "$work/server.pem" -rfc -startdate -1d -validity "$days" -sigalg SHA256withRSA \
     -ext "SAN=$san" -ext BC:critical=ca:false -ext KU:critical=digitalSignature,keyEncipherment \
     -ext EKU=serverAuth
  # The reply must be imported with its issuer's chain: import the CA first, then the signed cert.
  kt -importcert -alias "$ca" -file "$work/$ca.pem" -keystore "$store" -storepass "$pw"
  kt -importcert -alias server -file "$work/server.pem" -keystore "$store" -storepass "$pw"
  kt -delete -alias "$ca" -keystore "$store" -storepass "$pw"
}

make_ca tokenkeeper-test-ca "CN=tokenkeeper test CA, OU=TEST ONLY, O=tokenkeeper" "$work/ca.p12"
make_ca untrusted-test-ca "CN=untrusted test CA, OU=TEST ONLY, O=nobody" "$work/untrusted-ca.p12"

localhost_san="dns:localhost,ip:127.0.0.1,ip:::1"
make_server server-localhost.p12 localhost "$localhost_san" tokenkeeper-test-ca "$work/ca.p12"
make_server server-wrong-host.p12 wrong.example.test "dns:wrong.example.test" tokenkeeper-test-ca "$work/ca.p12"
make_server server-untrusted-ca.p12 localhost "$localhost_san" untrusted-test-ca "$work/untrusted-ca.p12"

kt -importcert -alias tokenkeeper-test-ca -file "$work/tokenkeeper-test-ca.pem" \
   -keystore "$work/truststore.p12" -storepass "$pw"

cp "$work"/truststore.p12 "$work"/server-*.p12 "$out_dir/"
cp "$work/tokenkeeper-test-ca.pem" "$out_dir/test-ca.pem"
echo "wrote: $(cd "$out_dir" && ls)"
