<?xml version="1.0" encoding="UTF-8"?>
<!-- Customises `yelp-build html` for the app's help window (help/build-html.sh): the pages get
     no script. Ours need none (no expanders, media or code to highlight), and the window runs
     them with JavaScript off and a content security policy that allows no script anyway. -->
<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0">
  <xsl:template name="html.js"/>
</xsl:stylesheet>
