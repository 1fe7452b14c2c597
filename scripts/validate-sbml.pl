#!/usr/bin/perl
# SPDX-License-Identifier: MIT
# Validates an SBML file with libSBML (Debian package libsbml5-perl): reads it, runs every consistency check
# including units, prints each problem as "severity category id line:column: message". Exit 0 when there is no
# error (warnings are printed and counted), 1 on errors, 2 when the file cannot be read.
use strict;
use warnings;
use LibSBML;

my $path = shift @ARGV;
if (!defined $path) {
  print STDERR "usage: validate-sbml.pl FILE.xml\n";
  exit 2;
}
if (!-r $path) {
  print STDERR "validate-sbml: cannot read $path\n";
  exit 2;
}

my $doc = LibSBML::readSBMLFromFile($path);
my $read_errors = $doc->getNumErrors();
$doc->setConsistencyChecks($LibSBML::LIBSBML_CAT_UNITS_CONSISTENCY, 1);
$doc->setConsistencyChecks($LibSBML::LIBSBML_CAT_MODELING_PRACTICE, 0);
my $checked = $read_errors > 0 && $doc->getNumErrors($LibSBML::LIBSBML_SEV_ERROR) > 0 ? 0 : $doc->checkConsistency();

my ($errors, $warnings, $unit_warnings) = (0, 0, 0);
for my $i (0 .. $doc->getNumErrors() - 1) {
  my $e = $doc->getError($i);
  my $severity = $e->getSeverityAsString();
  my $category = $e->getCategoryAsString();
  if ($e->isError() || $e->isFatal()) {
    $errors++;
  } else {
    $warnings++;
    $unit_warnings++ if $e->getCategory() == $LibSBML::LIBSBML_CAT_UNITS_CONSISTENCY;
  }
  my $message = $e->getMessage();
  $message =~ s/\s+/ /g;
  printf "%s %s %d %d:%d: %s\n", lc $severity, $category, $e->getErrorId(), $e->getLine(), $e->getColumn(), $message;
}
printf "summary: %d error(s), %d warning(s) (%d unit-consistency)\n", $errors, $warnings, $unit_warnings;
exit($errors > 0 ? 1 : 0);
